/// The clerks' page: one HTML document with its script, in Chinese by default and English on demand.
/// STUB: to be written.
enum DeskPage {
    static let html = """
        <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>衔接</title></head><body><div id="app"></div></body></html>
        """
}
