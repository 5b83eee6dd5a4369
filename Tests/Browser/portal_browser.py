#!/usr/bin/python3
"""The member portal in a real browser (headless Chromium through chromium-driver and Selenium):
a member signs in by link, comments on paragraph 2.3 with proposed text, uploads an edited copy
and sees the receipt; the secretariat sees them in the dashboard; after the merge and the
dispositions the member sees the disposition. Writes a screenshot of each page.

    /usr/bin/python3 Tests/Browser/portal_browser.py DRAFTFLOW SCREENSHOT_FOLDER

The server listens on 127.0.0.1 only and is stopped at the end.
"""
import os, re, subprocess, sys, tempfile
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

NOW = "2020-02-20T12:00:00+01:00"
DRAFT = """# ITU Council input to the 2020 HLPF

## 1 Introduction

1.1 The ITU Council welcomes the theme of the 2020 HLPF.

## 2 ITU's work

2.1 ITU contributes to the Sustainable Development Goals.

2.2 Broadband is a key enabler of development.

2.3 Connectivity remains a challenge in the least developed countries.
"""
checks = {"passed": 0, "failed": 0}

def check(condition, what):
    checks["passed" if condition else "failed"] += 1
    print(("ok     " if condition else "FAILED ") + what)

def main():
    tool, shots = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(shots, exist_ok=True)
    scratch = tempfile.mkdtemp(prefix="portal-browser-")
    def cli(*args, now=NOW):
        result = subprocess.run([tool, *args], cwd=os.path.join(scratch, "ws") if args[0] != "init" else scratch,
                                env=dict(os.environ, DRAFTFLOW_NOW=now), capture_output=True, text=True)
        if result.returncode not in (0, 1):
            sys.exit(f"draftflow {' '.join(args)}: {result.stderr}")
        return result.stdout
    with open(os.path.join(scratch, "outline.md"), "w") as f:
        f.write(DRAFT)
    cli("init", "ws", "--title", "ITU Council input to the 2020 HLPF", "--document", "outline.md", now="2020-02-07T17:00:00+01:00")
    cli("member", "add", "CAN", "--name", "Canada", "--email", "can@example.org", now="2020-02-14T10:00:00+01:00")
    cli("member", "add", "USA", "--name", "United States", now="2020-02-14T10:00:00+01:00")
    cli("publish", "draft-1", now="2020-02-14T10:00:00+01:00")
    cli("round", "open", "--on", "draft-1", "--closes", "2020-03-01", "--name", "draft-1", now="2020-02-14T10:05:00+01:00")
    server = subprocess.Popen([tool, "serve", "--port", "0", "--workspace", os.path.join(scratch, "ws")],
                              env=dict(os.environ, DRAFTFLOW_NOW=NOW), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    port = int(re.search(r":(\d+)/", server.stdout.readline()).group(1))
    base = f"http://127.0.0.1:{port}"
    member_link = cli("member", "invite", "CAN", "--url", base).strip()
    office_link = cli("member", "invite", "--secretariat", "--url", base).strip()
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1000,1400"]:
        options.add_argument(argument)
    browser = None
    try:
        browser = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
        browser.get(member_link)
        check(browser.current_url == f"{base}/member/CAN", "the link signs Canada in and opens its page")
        check("Connectivity remains a challenge in the least developed countries." in browser.page_source, "the page shows paragraph 2.3")
        local = browser.find_element(By.CSS_SELECTOR, "[data-local]")
        check(local.is_displayed() and "2020" in local.text, "the deadline is shown in the browser's time zone")
        browser.save_screenshot(os.path.join(shots, "1-member-page.png"))

        form = browser.find_element(By.XPATH, "//input[@name='paragraph' and @value='2.3']/..")
        form.find_element(By.XPATH, "./..").find_element(By.TAG_NAME, "summary").click()
        Select(form.find_element(By.NAME, "type")).select_by_value("technical")
        form.find_element(By.NAME, "comment").send_keys("Name the landlocked developing countries too.")
        proposed = form.find_element(By.NAME, "proposed")
        proposed.clear()
        proposed.send_keys("Connectivity remains a major challenge in the least developed and landlocked developing countries.")
        diff = form.find_element(By.CLASS_NAME, "diff")
        check(diff.is_displayed() and any(e.text.strip() == "major" for e in diff.find_elements(By.TAG_NAME, "ins")),
              "the proposed text's changes are shown while typing")
        browser.save_screenshot(os.path.join(shots, "2-comment-on-2.3.png"))
        form.find_element(By.TAG_NAME, "button").click()
        WebDriverWait(browser, 20).until(lambda b: "recorded=" in b.current_url)
        check("Recorded: submission 1." in browser.page_source, "the comment on 2.3 is recorded")

        copy = os.path.join(scratch, "draft-1-canada.md")
        with open(copy, "w") as f:
            f.write(DRAFT.replace("is a key enabler", "is the key enabler"))
        browser.find_element(By.ID, "file").send_keys(copy)
        browser.find_element(By.XPATH, "//form[@enctype='multipart/form-data']//button").click()
        WebDriverWait(browser, 20).until(lambda b: "recorded=2" in b.current_url)
        check("Recorded: submission 2." in browser.page_source, "the edited copy is recorded")
        browser.save_screenshot(os.path.join(shots, "3-recorded.png"))
        browser.find_element(By.LINK_TEXT, "Receipt draft-1/CAN/2").click()
        check("Receipt: ITU Council input to the 2020 HLPF" in browser.page_source and "CAN-1" in browser.page_source,
              "the receipt names the submission and CAN-1")
        browser.save_screenshot(os.path.join(shots, "4-receipt.png"))

        browser.delete_all_cookies()
        browser.get(office_link)
        row = browser.find_element(By.XPATH, "//tr[td[1]='CAN']")
        check(browser.current_url == f"{base}/secretariat" and "responded" in row.text and "yes" in row.text,
              "the secretariat's dashboard shows Canada's response with its edited copy")
        browser.save_screenshot(os.path.join(shots, "5-dashboard.png"))

        cli("round", "close", now="2020-02-20T12:00:01+01:00")
        cli("merge", now="2020-02-20T12:00:02+01:00")
        cli("dispose", "--all-undecided", "accepted", "--note", "Accepted as proposed.", now="2020-02-20T12:00:03+01:00")
        browser.delete_all_cookies()
        browser.get(member_link)
        check("Disposition: Accepted: Accepted as proposed." in browser.find_element(By.TAG_NAME, "body").text,
              "after the merge and the dispositions, Canada sees the disposition of CAN-1")
        browser.save_screenshot(os.path.join(shots, "6-disposition.png"))

        browser.get(f"{base}/member/CAN?lang=zh")
        check(browser.execute_script("return document.documentElement.lang") == "zh" and "您的提交" in browser.page_source
              and "处理结果： 已接受" in browser.find_element(By.TAG_NAME, "body").text,
              "the page is in Chinese with ?lang=zh")
        browser.save_screenshot(os.path.join(shots, "7-member-zh.png"))
        browser.get(f"{base}/member/CAN?lang=ar")
        heading = browser.find_element(By.ID, "mine-heading")
        body = browser.find_element(By.TAG_NAME, "body")
        check(browser.execute_script("return document.documentElement.dir") == "rtl" and heading.text == "مساهماتكم"
              and heading.location["x"] + heading.size["width"] > body.size["width"] - 200,
              "the page is in Arabic with ?lang=ar, laid out right to left")
        browser.save_screenshot(os.path.join(shots, "8-member-ar.png"))
    finally:
        if browser:
            browser.quit()
        server.terminate()
        server.wait(timeout=30)
    print(f"{checks['passed']} passed, {checks['failed']} failed")
    sys.exit(1 if checks["failed"] else 0)

if __name__ == "__main__":
    main()
