#!/usr/bin/env python3
"""A headless chromium for the end-to-end tests, driven over the Chrome DevTools Protocol.

The process starts Debian's ``chromium`` headless with a throwaway profile, reads the DevTools port
from ``<profile>/DevToolsActivePort``, attaches to the first page target over its WebSocket, and then
answers one JSON command per line on stdin with one JSON line on stdout (Browser.swift is its client):

    {"op":"open","url":"..."}                     navigate, wait for the load event  -> {"ok":true}
    {"op":"eval","js":"expression"}               value of the expression (promises awaited)
                                                  -> {"ok":true,"value":...}
    {"op":"waitFor","js":"...","timeoutMs":5000}  poll every 20 ms until truthy -> {"ok":true,"elapsedMs":n}
    {"op":"type","selector":"#x","text":"..."}    set the value, fire input and change
    {"op":"click","selector":"..."}               element.click()
    {"op":"submit","selector":"form"}             requestSubmit(); waits for the page it loads
    {"op":"screenshot","path":"/abs/file.png"}    PNG of the viewport ("fullPage": true for all of it)
    {"op":"quit"}                                 close chromium, exit 0

Any failure answers {"ok":false,"error":"..."} and the driver reads the next command. End of stdin,
SIGTERM, SIGINT or the driver's own death (PR_SET_PDEATHSIG) all take chromium down with it; the
profile directory is removed. Needs Python 3.9+ and ``websocket-client``. XIANJIE_CHROMIUM overrides
the browser's path; chromium's own output goes to ``<profile>/chromium.log``, never to stdout.
"""

import base64
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket  # websocket-client

CHROMIUM = os.environ.get("XIANJIE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
START_TIMEOUT = 30.0
COMMAND_TIMEOUT = 60.0
LOAD_TIMEOUT = 30.0


class DriverError(Exception):
    """A command failed; the message goes back to the caller as the answer's error."""


def _parent_death_signal():
    """In the child before exec: chromium gets SIGTERM if the driver dies without cleaning up."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:  # not Linux: quit, EOF and signals still clean up
        pass


class Chromium:
    """One headless chromium and a CDP session with its first page."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="xianjie-chromium-")
        self.process = None
        self.socket = None
        self.next_id = 0
        self.events = []
        self.log = open(os.path.join(self.profile, "chromium.log"), "wb")
        try:
            self._start()
        except BaseException:
            self.close()
            raise

    def _start(self):
        arguments = [
            CHROMIUM,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--remote-debugging-port=0",
            "--user-data-dir=" + self.profile,
            "--window-size=1400,900",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-extensions",
            "about:blank",
        ]
        self.process = subprocess.Popen(
            arguments,
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=self.log,
            start_new_session=True,
            preexec_fn=_parent_death_signal,
        )
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.monotonic() + START_TIMEOUT
        port = None
        while port is None:
            if self.process.poll() is not None:
                raise DriverError("chromium exited with status %s before it opened DevTools: %s"
                                  % (self.process.returncode, self._log_tail()))
            if time.monotonic() > deadline:
                raise DriverError("chromium did not write %s within %d s: %s" % (port_file, START_TIMEOUT, self._log_tail()))
            try:
                with open(port_file) as f:
                    first = f.readline().strip()
                if first.isdigit():
                    port = int(first)
            except OSError:
                pass
            if port is None:
                time.sleep(0.05)
        target = None
        while target is None:
            try:
                with urllib.request.urlopen("http://127.0.0.1:%d/json/list" % port, timeout=5) as response:
                    targets = json.loads(response.read().decode())
                target = next((t for t in targets if t.get("type") == "page" and t.get("webSocketDebuggerUrl")), None)
            except (OSError, ValueError):
                pass
            if target is None:
                if time.monotonic() > deadline:
                    raise DriverError("chromium opened DevTools on port %d but no page target appeared" % port)
                time.sleep(0.05)
        # suppress_origin: chromium refuses DevTools WebSockets that send an Origin it does not allow.
        self.socket = websocket.create_connection(
            target["webSocketDebuggerUrl"], timeout=COMMAND_TIMEOUT, suppress_origin=True, enable_multithread=False)
        self.call("Page.enable")
        self.call("Runtime.enable")
        # Headless chromium takes window decorations off --window-size; make the page itself 1400 × 900.
        self.call("Emulation.setDeviceMetricsOverride", {"width": 1400, "height": 900, "deviceScaleFactor": 1, "mobile": False})

    def _log_tail(self):
        try:
            self.log.flush()
            with open(os.path.join(self.profile, "chromium.log"), "rb") as f:
                return f.read()[-1500:].decode(errors="replace").strip() or "(no output)"
        except OSError:
            return "(no log)"

    # --- CDP plumbing ---

    def _receive(self, timeout):
        """One message from chromium, or None when `timeout` seconds pass first."""
        if self.socket is None:
            raise DriverError("chromium is not running")
        self.socket.settimeout(max(0.001, timeout))
        try:
            raw = self.socket.recv()
        except websocket.WebSocketTimeoutException:
            return None
        except (websocket.WebSocketException, OSError) as error:
            self.socket = None
            raise DriverError("lost the DevTools connection to chromium (%s); chromium %s"
                              % (error, "exited" if self.process.poll() is not None else "is still running"))
        message = json.loads(raw)
        if "id" not in message:
            self._event(message)
        return message

    def _event(self, message):
        method = message.get("method")
        if method == "Page.javascriptDialogOpening":
            # An alert or confirm would block every later evaluation: accept it and go on.
            self._send("Page.handleJavaScriptDialog", {"accept": True})
        self.events.append(message)
        if len(self.events) > 1000:
            del self.events[:500]

    def _send(self, method, params=None):
        if self.socket is None:
            raise DriverError("chromium is not running")
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params or {}}))
        return self.next_id

    def call(self, method, params=None, timeout=COMMAND_TIMEOUT):
        """Sends a CDP command and returns its result; events that arrive meanwhile are kept."""
        call_id = self._send(method, params)
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise DriverError("chromium did not answer %s within %d s" % (method, timeout))
            message = self._receive(remaining)
            if message is None or message.get("id") != call_id:
                continue
            if "error" in message:
                raise DriverError("%s: %s" % (method, message["error"].get("message", message["error"])))
            return message.get("result", {})

    def wait_event(self, predicate, timeout):
        """The first kept or arriving event matching `predicate`, or None after `timeout` s. It and every
        event before it are consumed, so a later wait only sees what happened after this one."""
        deadline = time.monotonic() + timeout
        while True:
            for index, event in enumerate(self.events):
                if predicate(event):
                    del self.events[:index + 1]
                    return event
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            self._receive(remaining)

    def evaluate(self, expression, timeout=COMMAND_TIMEOUT):
        result = self.call("Runtime.evaluate", {
            "expression": expression, "returnByValue": True, "awaitPromise": True, "userGesture": True,
        }, timeout=timeout)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            description = (details.get("exception") or {}).get("description") or details.get("text") or "exception"
            raise DriverError("the page threw: %s" % description)
        value = result.get("result", {})
        return value.get("value")  # undefined and unserialisable values come back as null

    def _main_frame(self):
        return self.call("Page.getFrameTree")["frameTree"]["frame"]["id"]

    def _is_load(self, frame_id):
        return lambda e: e.get("method") == "Page.loadEventFired" or (
            e.get("method") == "Page.frameStoppedLoading" and e.get("params", {}).get("frameId") == frame_id)

    def _settle(self, frame_id, grace):
        """After a click or submit: when it started a navigation of the page, wait for it to load."""
        started = self.wait_event(lambda e: e.get("method") in ("Page.frameRequestedNavigation", "Page.frameStartedLoading")
                                  and e.get("params", {}).get("frameId") == frame_id, grace)
        if started is None:
            return
        if self.wait_event(self._is_load(frame_id), LOAD_TIMEOUT) is None:
            raise DriverError("the page did not finish loading within %d s" % LOAD_TIMEOUT)

    # --- the commands ---

    def open(self, url):
        frame_id = self._main_frame()
        self.events.clear()
        result = self.call("Page.navigate", {"url": url})
        if result.get("errorText"):
            raise DriverError("could not open %s: %s" % (url, result["errorText"]))
        if not result.get("loaderId"):
            return  # same-document navigation (only the fragment changed): nothing loads
        if self.wait_event(self._is_load(frame_id), LOAD_TIMEOUT) is None:
            raise DriverError("%s did not finish loading within %d s" % (url, LOAD_TIMEOUT))

    def wait_for(self, js, timeout_ms):
        start = time.monotonic()
        deadline = start + timeout_ms / 1000.0
        expression = "(() => { try { return !!(%s\n); } catch (e) { return false; } })()" % js
        while True:
            try:
                if self.evaluate(expression, timeout=max(1.0, deadline - time.monotonic())):
                    return int(round((time.monotonic() - start) * 1000))
            except DriverError as error:
                # A navigation in progress destroys the context; keep polling. A dead browser does not recover.
                if self.socket is None:
                    raise error
            if time.monotonic() >= deadline:
                raise DriverError("timeout after %d ms: %s" % (timeout_ms, js))
            time.sleep(0.02)

    def element_action(self, selector, body):
        """Runs `body` (a function of `el`) on the first element matching `selector`."""
        expression = (
            "(() => { const el = document.querySelector(%s);"
            " if (!el) return {missing: true};"
            " const result = ((el) => { %s })(el); return {missing: false, result: result === undefined ? null : result}; })()"
            % (json.dumps(selector), body))
        answer = self.evaluate(expression)
        if not isinstance(answer, dict) or answer.get("missing"):
            raise DriverError("no element matches %s" % selector)
        return answer.get("result")

    def type(self, selector, text):
        # The prototype's setter, so that a page which wraps `value` on the element still sees the change.
        self.element_action(selector, (
            "el.focus();"
            " const own = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value');"
            " if (own && own.set) own.set.call(el, %s); else el.value = %s;"
            " el.dispatchEvent(new Event('input', {bubbles: true}));"
            " el.dispatchEvent(new Event('change', {bubbles: true}));"
            % (json.dumps(text), json.dumps(text))))

    def click(self, selector):
        frame_id = self._main_frame()
        self.events.clear()
        self.element_action(selector, "el.click();")
        self._settle(frame_id, 0.1)

    def submit(self, selector):
        frame_id = self._main_frame()
        self.events.clear()
        self.element_action(selector, (
            "const form = el instanceof HTMLFormElement ? el : el.form || el.closest('form');"
            " if (!form) throw new Error('no form at ' + %s);"
            " if (form.requestSubmit) form.requestSubmit(); else form.submit();" % json.dumps(selector)))
        self._settle(frame_id, 1.0)

    def screenshot(self, path, full_page=False):
        if not os.path.isabs(path):
            raise DriverError("screenshot path must be absolute, not %s" % path)
        params = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
        data = base64.b64decode(self.call("Page.captureScreenshot", params)["data"])
        directory = os.path.dirname(path)
        if directory:
            os.makedirs(directory, exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        return len(data)

    def close(self):
        """Ends chromium and every process it started, and removes the profile. Safe to call twice."""
        if self.socket is not None:
            try:
                self.socket.close()
            except Exception:
                pass
            self.socket = None
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            for sig, wait in ((signal.SIGTERM, 5), (signal.SIGKILL, 5)):
                try:
                    os.killpg(process.pid, sig)  # its own session: the group holds its helpers too
                except (ProcessLookupError, PermissionError):
                    break
                try:
                    process.wait(timeout=wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
        if process is not None:
            try:
                os.killpg(process.pid, signal.SIGKILL)  # helpers left behind by the browser process
            except (ProcessLookupError, PermissionError):
                pass
        try:
            self.log.close()
        except Exception:
            pass
        shutil.rmtree(self.profile, ignore_errors=True)


def answer(reply):
    sys.stdout.write(json.dumps(reply, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def run(browser, start_error, command):
    """One command's answer."""
    op = command.get("op")
    if op == "quit":
        return {"ok": True}
    if browser is None:
        raise DriverError("chromium did not start: %s" % start_error)
    if op == "open":
        browser.open(_required(command, "url"))
        return {"ok": True}
    if op == "eval":
        return {"ok": True, "value": browser.evaluate(_required(command, "js"))}
    if op == "waitFor":
        timeout = command.get("timeoutMs", 5000)
        if not isinstance(timeout, (int, float)) or timeout < 0:
            raise DriverError("timeoutMs must be a number of milliseconds, not %r" % (timeout,))
        return {"ok": True, "elapsedMs": browser.wait_for(_required(command, "js"), timeout)}
    if op == "type":
        text = command.get("text")
        if not isinstance(text, str):
            raise DriverError("type needs \"text\", a string")
        browser.type(_required(command, "selector"), text)
        return {"ok": True}
    if op == "click":
        browser.click(_required(command, "selector"))
        return {"ok": True}
    if op == "submit":
        browser.submit(command.get("selector") or "form")
        return {"ok": True}
    if op == "screenshot":
        size = browser.screenshot(_required(command, "path"), bool(command.get("fullPage")))
        return {"ok": True, "bytes": size}
    raise DriverError("unknown op %r; use open, eval, waitFor, type, click, submit, screenshot or quit" % (op,))


def _required(command, key):
    value = command.get(key)
    if not isinstance(value, str) or not value:
        raise DriverError("%s needs \"%s\", a non-empty string" % (command.get("op"), key))
    return value


def main():
    browser = None
    start_error = None

    def stop(signum, _frame):
        if browser is not None:
            browser.close()
        sys.exit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        browser = Chromium()
    except Exception as error:
        start_error = str(error)
        print("browser.py: %s" % start_error, file=sys.stderr)
    try:
        for line in sys.stdin:
            line = line.strip()
            if not line:
                continue
            quit_now = False
            try:
                command = json.loads(line)
                if not isinstance(command, dict):
                    raise DriverError("a command is a JSON object, e.g. {\"op\":\"open\",\"url\":\"...\"}")
                quit_now = command.get("op") == "quit"
                reply = run(browser, start_error, command)
            except json.JSONDecodeError as error:
                reply = {"ok": False, "error": "not JSON: %s" % error}
            except DriverError as error:
                reply = {"ok": False, "error": str(error)}
            except Exception as error:  # a bug here must not take the session down
                reply = {"ok": False, "error": "%s: %s" % (type(error).__name__, error)}
            if quit_now and browser is not None:
                browser.close()
                browser = None
            answer(reply)
            if quit_now:
                return 0
    finally:
        if browser is not None:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
