import Foundation

/// 附件分块: a piece of a file a document references (`attachments`), sent before the document to the
/// same recipients. Receivers put the chunks together and check the whole file's size and SHA-256.
package struct AttachmentChunk: MessagePayload {
    package static let messageType: MessageType = "xianjie.attachmentChunk"
    package static let schemaName = "attachment-chunk.v1"
    package static let delivery = DeliveryClass.durable

    /// Bytes per chunk: base64 makes it about 700 KB, under the coordinator's 1 MiB message limit.
    package static let chunkBytes = 512 * 1024

    /// Lower-case hex SHA-256 of the whole file.
    package var sha256: String
    package var name: String
    package var mediaType: String
    /// The whole file's size in bytes.
    package var size: Int64
    /// This chunk's place, from 0, of `count`.
    package var index: Int
    package var count: Int
    /// Where this chunk starts in the file.
    package var offset: Int64
    /// The chunk's bytes (base64 in JSON).
    package var data: Data

    package init(
        sha256: String, name: String, mediaType: String, size: Int64, index: Int, count: Int, offset: Int64, data: Data
    ) {
        self.sha256 = sha256
        self.name = name
        self.mediaType = mediaType
        self.size = size
        self.index = index
        self.count = count
        self.offset = offset
        self.data = data
    }

    /// The whole file as a document names it in its `attachments`.
    package var reference: AttachmentRef {
        AttachmentRef(name: name, mediaType: mediaType, sha256: sha256, size: size)
    }

    /// A file cut into chunks (an empty file is one empty chunk). `sha256` is the whole file's digest.
    package static func chunks(of bytes: Data, name: String, mediaType: String, sha256: String) -> [AttachmentChunk] {
        let count = max(1, (bytes.count + chunkBytes - 1) / chunkBytes)
        return (0..<count).map { index in
            let start = bytes.startIndex + index * chunkBytes
            let end = min(start + chunkBytes, bytes.endIndex)
            return AttachmentChunk(
                sha256: sha256, name: name, mediaType: mediaType, size: Int64(bytes.count), index: index, count: count,
                offset: Int64(index * chunkBytes), data: Data(bytes[start..<end]))
        }
    }
}
