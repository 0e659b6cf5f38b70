"""A phone on a weak link joins: from the QR scan to a clickable charter.

Usage: python bench/slow_link.py [--runs 3] [--latency 400] [--kbps 50] [--cpu 4] [--json PATH]

Starts its own server, creates a session through the API and opens its join page `/j/{code}` in
Debian's Chromium (Playwright, 390x844), with CDP network emulation (400 ms latency, 50 kB/s down
and up) and the CPU slowed four times. For each run, a first visit (a new browser context, empty
cache) then a second visit (same context: cached files, same cookie) are measured from the
navigation's start to:
- visible: the charter's heading is on screen;
- clickable: the accept button is visible and enabled, and the page's socket is connected
  (NiceGUI's `did_handshake`), so that a click is handled at once.
With --verbose, the first run's timeline also shows when the charter's text appeared (`text`:
`ui.markdown` draws it once its stylesheet has loaded), every request, with its bytes, and the
websocket's opening and its first frames (socket.io's and NiceGUI's handshakes).
It also counts the requests that went to the network and the bytes received over the wire
(encoded, headers included). After each first visit the button is clicked and the next step
must appear: the measure holds only if the click works. Prints the medians. Checked (exit status
1 otherwise, see bench/outcome.py): every visit became clickable, and a second visit fetched
fewer requests than a first (its files came from the cache).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import sys
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.outcome import add_json_option, finish  # noqa: E402
from bench.phones import ServerProcess  # noqa: E402

PLAN = "open-detat-2018-03-12"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
ACCEPT = '[data-testid="accept-charter"]'

# Runs in the page before any of its scripts: notes when NiceGUI's socket is connected and, on
# every frame, whether the charter's heading and the accept button are on screen.
PROBE = """
(() => {
  const marks = (window.__cercle_marks = {});
  let handshake = false;
  Object.defineProperty(window, "did_handshake", {
    configurable: true,
    get: () => handshake,
    set: (value) => {
      handshake = value;
      if (value && marks.connected === undefined) marks.connected = performance.now();
    },
  });
  const shown = (el) => el && el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
    && el.getBoundingClientRect().height > 0;
  const check = () => {
    const now = performance.now();
    if (marks.visible === undefined) {
      const heading = [...document.querySelectorAll(".cercle-card .cercle-h2")].find(shown);
      if (heading) marks.visible = now;
    }
    if (marks.mounted === undefined && document.querySelector("#app > *")) marks.mounted = now;
    if (marks.text === undefined && shown(document.querySelector(".cercle-charter p"))) marks.text = now;
    const button = document.querySelector(%(accept)r);
    if (marks.button === undefined && shown(button) && !button.disabled) marks.button = now;
    if (marks.button !== undefined && marks.connected !== undefined && marks.clickable === undefined)
      marks.clickable = Math.max(now, marks.button);
    if (marks.clickable === undefined || marks.text === undefined) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();
""".replace("%(accept)r", json.dumps(ACCEPT))


TIMING = """(() => {
  const nav = performance.getEntriesByType("navigation")[0];
  return { html: nav.responseEnd, dom_ready: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
})()"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Traffic:
    """Requests that reached the network, and their bytes over the wire, seen through CDP."""

    def __init__(self) -> None:
        self.cached: set[str] = set()
        self.requests: dict[str, str] = {}
        self.bytes: dict[str, float] = {}
        self.times: dict[str, list[float]] = {}
        self.socket: list[tuple[float, str]] = []  # (time, what): the websocket's first moments

    def attach(self, cdp: Any) -> None:
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.requestServedFromCache", lambda e: self.cached.add(e["requestId"]))
        cdp.on("Network.responseReceived", self._received)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.webSocketWillSendHandshakeRequest", lambda e: self._socket(e, "websocket asked"))
        cdp.on("Network.webSocketHandshakeResponseReceived", lambda e: self._socket(e, "websocket open"))
        cdp.on(
            "Network.webSocketFrameSent", lambda e: self._socket(e, "sent " + e["response"]["payloadData"])
        )
        cdp.on(
            "Network.webSocketFrameReceived", lambda e: self._socket(e, "got " + e["response"]["payloadData"])
        )

    def _socket(self, event: dict[str, Any], what: str) -> None:
        if len(self.socket) < 8:
            self.socket.append((event["timestamp"], what[:50]))

    def _sent(self, event: dict[str, Any]) -> None:
        url = event["request"]["url"]
        if not url.startswith("data:"):
            self.requests[event["requestId"]] = url
            self.times[event["requestId"]] = [event["timestamp"], event["timestamp"]]

    def _received(self, event: dict[str, Any]) -> None:
        response = event["response"]
        if response.get("fromDiskCache") or response.get("fromPrefetchCache"):
            self.cached.add(event["requestId"])

    def _finished(self, event: dict[str, Any]) -> None:
        self.bytes[event["requestId"]] = event["encodedDataLength"]
        if event["requestId"] in self.times:
            self.times[event["requestId"]][1] = event["timestamp"]

    def network(self) -> list[str]:
        return [rid for rid in self.requests if rid not in self.cached]

    def summary(self) -> dict[str, Any]:
        ids = self.network()
        zero = min((self.times[rid][0] for rid in ids), default=0)
        return {
            "socket": [(round(when - zero, 2), what) for when, what in self.socket],
            "requests": len(ids),
            "bytes": int(sum(self.bytes.get(rid, 0) for rid in ids)),
            "urls": sorted(
                (
                    int(self.bytes.get(rid, 0)),
                    round(self.times[rid][0] - zero, 2),
                    round(self.times[rid][1] - zero, 2),
                    self.requests[rid],
                )
                for rid in ids
            ),
        }


def visit(context: Any, url: str, args: argparse.Namespace, check_click: bool) -> dict[str, Any]:
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    traffic = Traffic()
    traffic.attach(cdp)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": args.latency,
            "downloadThroughput": args.kbps * 1000,
            "uploadThroughput": args.kbps * 1000,
        },
    )
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": args.cpu})
    page.add_init_script(PROBE)
    page.goto(url, wait_until="commit", timeout=120_000)
    page.wait_for_function(
        "window.__cercle_marks && window.__cercle_marks.clickable !== undefined", timeout=120_000
    )
    # What the page still fetches once clickable (fonts, late scripts) counts in its weight.
    page.wait_for_load_state("networkidle", timeout=120_000)
    marks = {**page.evaluate("window.__cercle_marks"), **page.evaluate(TIMING)}
    if check_click:
        page.locator(ACCEPT).click(timeout=10_000)
        page.get_by_test_id("join").wait_for(timeout=30_000)  # the click reached the server and back
    page.close()
    return {
        "visible": marks["visible"] / 1000,
        "clickable": marks["clickable"] / 1000,
        "marks": marks,
        **traffic.summary(),
    }


def median(rows: list[dict[str, Any]], key: str) -> float:
    return statistics.median(row[key] for row in rows)


def run(args: argparse.Namespace) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    server = ServerProcess(args.port or free_port()).start()
    try:
        created = httpx.post(f"{server.base_url}/api/sessions", json={"plan": PLAN}, timeout=30).json()
        url = f"{server.base_url}/j/{created['code']}"
        visits: dict[str, list[dict[str, Any]]] = {"first": [], "second": []}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
            for _ in range(args.runs):
                context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
                visits["first"].append(visit(context, url, args, check_click=True))
                visits["second"].append(visit(context, url, args, check_click=False))
                context.close()
            browser.close()
    finally:
        server.stop()
    return visits


def report(visits: dict[str, list[dict[str, Any]]], args: argparse.Namespace) -> dict[str, Any]:
    print(
        f"Join page on a weak link: {args.latency} ms latency, {args.kbps} kB/s, CPU x{args.cpu}, "
        f"{os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f}); median of {args.runs} runs"
    )
    print(f"{'visit':8} {'requests':>8} {'KB':>8} {'visible s':>10} {'clickable s':>12}")
    summary = {}
    for name, rows in visits.items():
        summary[name] = {key: median(rows, key) for key in ("requests", "bytes", "visible", "clickable")}
        s = summary[name]
        print(
            f"{name:8} {s['requests']:>8.0f} {s['bytes'] / 1000:>8.1f} {s['visible']:>10.2f} {s['clickable']:>12.2f}"
        )
    if args.verbose:
        for name, rows in visits.items():
            print(f"\n{name} visit, run 1: what came over the network")
            marks = rows[0]["marks"]
            print(
                "  "
                + ", ".join(
                    f"{key} {value / 1000:.2f} s"
                    for key, value in sorted(marks.items(), key=lambda kv: kv[1])
                )
            )
            for size, start, end, url in sorted(rows[0]["urls"], key=lambda row: row[1]):
                print(f"  {size / 1000:>7.1f} KB  {start:>5.2f}-{end:<5.2f} s  {url}")
            for when, what in rows[0]["socket"]:
                print(f"  {when:>16.2f} s  {what}")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--latency", type=int, default=400, help="milliseconds added to each request")
    parser.add_argument("--kbps", type=int, default=50, help="kilobytes per second, down and up")
    parser.add_argument("--cpu", type=float, default=4, help="CPU slowdown factor")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--verbose", "-v", action="store_true", help="list the first run's requests")
    add_json_option(parser)
    args = parser.parse_args()
    visits = run(args)
    summary = report(visits, args)
    first, second = visits["first"], visits["second"]
    checks = {
        "every visit clickable": all(
            len(rows) == args.runs and all(row["clickable"] > 0 for row in rows) for rows in visits.values()
        ),
        "a second visit fetches less (from the cache)": all(
            b["requests"] < a["requests"] for a, b in zip(first, second, strict=True)
        ),
    }
    finish({"summary": summary, "visits": visits}, checks, args.json)


if __name__ == "__main__":
    main()
