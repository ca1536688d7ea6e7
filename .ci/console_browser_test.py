#!/usr/bin/env python3
"""The web console in a real browser: headless Chromium (driven by Selenium through Debian's
chromedriver) loads vio-server's console, types /ping into the sandbox and sees pong; a second page
load shows a scripted OneBot peer in the bots list (and the sandbox's earlier exchange again),
whose counters then move live as the peer sends an event. Screenshots of each page go to .build/console-screenshots/.

Usage: console_browser_test.py path/to/vio-server
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from websockets.sync.client import connect

SELF_ID = 20002
WAIT = 30  # seconds any one step may take on a loaded CI machine


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(binary, port, data, log):
    # Only what the test sets: no token or key from the caller's environment reaches the server.
    env = {"PATH": os.environ.get("PATH", ""), "HOST": "127.0.0.1", "PORT": str(port), "VIO_DATA_DIR": data}
    server = subprocess.Popen([binary], env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"vio-server exited with {server.returncode} before serving")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)  # not up yet: this waits for a process to start, not for a test's event
    raise SystemExit("vio-server did not become ready within 60 s")


class OneBotPeer:
    """A OneBot v11 implementation dialling the reverse WebSocket as go-cqhttp would; it answers every
    action with success and sends the events it is given."""

    def __init__(self, port):
        self.socket = connect(
            f"ws://127.0.0.1:{port}/onebot/v11/ws",
            additional_headers={"X-Self-ID": str(SELF_ID), "X-Client-Role": "Universal"},
            user_agent_header="CQHttp/4.15.0",
        )
        self.reader = threading.Thread(target=self.answer_actions, daemon=True)
        self.reader.start()

    def answer_actions(self):
        try:
            for frame in self.socket:
                action = json.loads(frame)
                if "action" in action:
                    self.socket.send(json.dumps({"status": "ok", "retcode": 0, "data": {"message_id": 1}, "echo": action.get("echo")}))
        except Exception:
            pass  # the socket closed at the end of the test

    def send_private_message(self, text):
        self.socket.send(json.dumps({
            "time": int(time.time()), "self_id": SELF_ID, "post_type": "message", "message_type": "private", "sub_type": "friend",
            "message_id": 7, "user_id": 10001, "message": text, "raw_message": text, "font": 0,
            "sender": {"user_id": 10001, "nickname": "Tester"},
        }))

    def close(self):
        self.socket.close()


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1400"]:
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def bot_row(driver):
    rows = driver.find_elements(By.CSS_SELECTOR, f'#bots tr[data-account="{SELF_ID}"]')
    return rows[0] if rows else None


def main():
    binary = sys.argv[1]
    shots = Path(".build/console-screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory() as data, open(shots / "vio-server.log", "w") as log:
        server = start_server(binary, port, data, log)
        driver = browser()
        peer = None
        try:
            wait = WebDriverWait(driver, WAIT)
            driver.get(url)
            wait.until(lambda d: d.find_element(By.ID, "version").text.startswith("vio-server"))
            field = driver.find_element(By.ID, "sandbox-input")
            field.send_keys("/ping")
            driver.find_element(By.ID, "sandbox-send").click()
            wait.until(lambda d: any(b.text.startswith("pong") for b in d.find_elements(By.CSS_SELECTOR, "#sandbox-log .bubble.bot")))
            driver.save_screenshot(str(shots / "sandbox-ping.png"))
            print("sandbox: /ping answered with pong")

            peer = OneBotPeer(port)
            driver.get(url)
            wait.until(lambda d: bot_row(d) is not None)
            cells = [cell.text for cell in bot_row(driver).find_elements(By.TAG_NAME, "td")]
            assert cells[0] == f"QQ {SELF_ID}", cells
            assert cells[2].startswith("go-cqhttp"), cells
            bubbles = [b.text for b in driver.find_elements(By.CSS_SELECTOR, "#sandbox-log .bubble")]
            assert bubbles[:1] == ["/ping"] and any(b.startswith("pong") for b in bubbles), f"the sandbox's log is shown again: {bubbles}"
            driver.save_screenshot(str(shots / "status-onebot-peer.png"))
            print(f"status: the peer is listed: {cells[:4]}")

            # Live: the peer's event moves its counters on the open page, with no reload.
            peer.send_private_message("/ping")
            wait.until(lambda d: [c.text for c in bot_row(d).find_elements(By.TAG_NAME, "td")][4:6] == ["1", "1"])
            driver.save_screenshot(str(shots / "status-live-counters.png"))
            print("live: events in 1, actions out 1, without a reload")
        finally:
            if peer:
                peer.close()
            driver.quit()
            server.terminate()
            server.wait(timeout=30)
    print(f"screenshots in {shots}/")


if __name__ == "__main__":
    main()
