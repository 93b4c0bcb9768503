"""Drives headless Chromium through the web UI; every wait is on a page condition.

usage: drive.py BASE_URL SCREENSHOT_DIR
"""
import os
import sys

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE, SHOTS = sys.argv[1], sys.argv[2]
PASSWORD = os.environ["PRAXIS_DEMO_PASSWORD"]  # set by scripts/browser-check
WEEK = "2026-03-02"


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1366,768",
                 "--lang=zh-CN", "--no-first-run", "--disable-extensions"):
        options.add_argument(flag)
    # the console, where Chromium reports what the Content-Security-Policy refused
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


class Check:
    def __init__(self, driver):
        self.driver = driver
        self.count = 0

    def wait(self, condition, seconds=20):
        return WebDriverWait(self.driver, seconds).until(condition)

    def shot(self, name, full=True):
        self.count += 1
        size = self.driver.get_window_size()
        if full:
            height = self.driver.execute_script("return document.documentElement.scrollHeight")
            self.driver.set_window_size(size["width"], min(max(height, size["height"]), 4000))
        self.driver.save_screenshot(os.path.join(SHOTS, f"{self.count:02d}-{name}.png"))
        self.driver.set_window_size(size["width"], size["height"])

    def step(self, text):
        print(f"browser-check: {text}", flush=True)

    def policy_kept(self):
        """Fails on a Content-Security-Policy violation reported by the pages loaded so far."""
        refused = [entry["message"] for entry in self.driver.get_log("browser")
                   if "Content Security Policy" in entry["message"]]
        assert not refused, f"the Content-Security-Policy refused: {refused}"

    def go(self, path):
        self.policy_kept()
        # a navigation the driver itself drops (seen once in CI: a bare WebDriverException while
        # opening /ui/enterprise) is tried once more; a page that fails to load fails the next wait
        try:
            self.driver.get(BASE + path)
        except WebDriverException as dropped:
            print(f"browser-check: {path} again after {dropped.msg or type(dropped).__name__}", flush=True)
            self.driver.get(BASE + path)

    def text_shown(self, text, selector="body"):
        self.wait(ec.text_to_be_present_in_element((By.CSS_SELECTOR, selector), text))

    def login(self, username):
        self.go("/ui/login")
        self.wait(ec.presence_of_element_located((By.ID, "username"))).send_keys(username)
        self.driver.find_element(By.ID, "password").send_keys(PASSWORD)
        self.driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
        self.text_shown(username, ".account")

    def logout(self):
        self.driver.find_element(By.CSS_SELECTOR, ".account form button").click()
        self.wait(ec.presence_of_element_located((By.ID, "username")))

    def set_value(self, element_id, value):
        element = self.driver.find_element(By.ID, element_id)
        self.driver.execute_script("arguments[0].value = arguments[1]", element, value)


def manager(check):
    d = check.driver
    check.step("login page")
    check.go("/ui/")
    check.wait(ec.presence_of_element_located((By.ID, "username")))
    check.shot("login")
    check.login("demo.manager")
    check.text_shown("中心排课经理", "main")
    check.shot("home-manager")

    check.step("language switch, remembered")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=en]").click()
    check.text_shown("Center manager", "main")
    check.go("/ui/timeline?week=" + WEEK)
    check.text_shown("Resource timeline", "h1")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=zh-CN]").click()
    check.text_shown("资源时间线", "h1")

    check.step("timeline")
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "table.timeline tbody tr")))
    check.shot("timeline")

    check.step("direct booking from a free cell")
    row = d.find_elements(By.CSS_SELECTOR, "table.timeline tbody tr")[0]
    row.find_elements(By.CSS_SELECTOR, ".hours a[data-resource]")[0].click()
    check.wait(ec.visibility_of_element_located((By.ID, "book-form")))
    Select(d.find_element(By.ID, "f-organization")).select_by_visible_text("潍坊职业学院")
    Select(d.find_element(By.ID, "f-category")).select_by_value("student_training")
    d.find_element(By.ID, "f-title").send_keys("浏览器检查预订")
    check.shot("booking-form")
    d.find_element(By.CSS_SELECTOR, "#book-form button[type=submit]").click()
    check.text_shown("已预订", ".notice")
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, ".block.just-booked")))
    # tracks.js placed the blocks on their tracks (the policy allows no style attribute)
    check.wait(lambda driver: driver.execute_script("return document.querySelector('.block.just-booked').style.left"))
    check.shot("booked")

    check.step("a clashing booking shows the clash in place and keeps the form")
    row = d.find_elements(By.CSS_SELECTOR, "table.timeline tbody tr")[0]
    booked_from = row.find_element(By.CSS_SELECTOR, ".hours a[data-resource]")
    booked_from.click()
    check.wait(ec.visibility_of_element_located((By.ID, "book-form")))
    check.set_value("f-from", "08:00")
    check.set_value("f-to", "10:00")
    Select(d.find_element(By.ID, "f-organization")).select_by_visible_text("潍坊职业学院")
    Select(d.find_element(By.ID, "f-category")).select_by_value("student_training")
    d.find_element(By.ID, "f-title").send_keys("冲突的预订")
    d.find_element(By.CSS_SELECTOR, "#book-form button[type=submit]").click()
    check.wait(ec.presence_of_element_located((By.ID, "clash")))
    assert d.find_element(By.ID, "f-title").get_attribute("value") == "冲突的预订", "the form lost what was typed"
    check.shot("clash")

    check.step("cancelling the booking from the week's list")
    check.go("/ui/timeline?week=" + WEEK)
    listed = next(r for r in d.find_elements(By.CSS_SELECTOR, "#week-bookings tbody tr") if "浏览器检查预订" in r.text)
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", listed)
    listed.find_element(By.CSS_SELECTOR, "form.cancel button").click()
    check.text_shown("预订已取消", ".notice")
    assert not any("浏览器检查预订" in (b.get_attribute("title") or "") for b in d.find_elements(By.CSS_SELECTOR, ".block")), \
        "the cancelled booking is still on the timeline"
    check.shot("cancelled")

    check.step("planner run with live progress")
    check.go("/ui/planner")
    check.wait(ec.presence_of_element_located((By.ID, "plan-form")))
    check.set_value("f-from", WEEK)
    check.set_value("f-to", "2026-03-08")
    check.set_value("f-seconds", "3")
    check.shot("planner")
    d.find_element(By.CSS_SELECTOR, "#plan-form button[type=submit]").click()
    check.wait(ec.presence_of_element_located((By.ID, "plan-status")))
    check.shot("plan-running", full=False)
    check.wait(ec.presence_of_element_located((By.ID, "publish-form")), seconds=180)
    assert d.find_element(By.ID, "plan-best").text.strip() not in ("", "–"), "no best score shown"
    assert d.find_elements(By.CSS_SELECTOR, "#diff tr.diff-added"), "the proposal adds nothing"
    check.shot("plan-proposal")

    check.step("publish")
    d.find_element(By.CSS_SELECTOR, "#publish-form button[type=submit]").click()
    check.text_shown("方案已发布", ".notice")
    check.wait(ec.text_to_be_present_in_element_attribute((By.ID, "plan-status"), "data-status", "published"))
    check.shot("published")
    check.go("/ui/timeline?week=" + WEEK)
    check.wait(lambda driver: len(driver.find_elements(By.CSS_SELECTOR, ".block.cat-student_training")) > 1)
    check.shot("timeline-published")
    check.go("/ui/timeline?week=" + WEEK + "&rows=instructors")
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, ".block")))
    check.shot("timeline-instructors")

    check.step("requests inbox, resources, instructors, policy")
    for path, name in (("/ui/requests", "requests"), ("/ui/resources", "resources"), ("/ui/instructors", "instructors"),
                       ("/ui/policy", "policy")):
        check.go(path)
        check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "main h1")))
        check.shot(name)

    check.step("phone width")
    d.set_window_size(390, 844)
    check.go("/ui/timeline?week=" + WEEK)
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "table.timeline")))
    check.shot("phone-timeline", full=False)
    check.go("/ui/requests")
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "main h1")))
    check.shot("phone-requests", full=False)
    d.set_window_size(1366, 768)
    check.logout()


# --- bell periods (节次): the manager's page in zh-CN and en, a refused row, timetables naming periods ---
def periods(check):
    d = check.driver
    check.step("bell periods page (zh-CN)")
    check.login("demo.manager")
    check.go("/ui/periods")
    check.wait(ec.presence_of_element_located((By.ID, "periods-form")))
    assert d.find_element(By.ID, "p_9_label").get_attribute("value") == "第10节", "the demo's ten weekday periods"
    check.shot("periods")
    check.step("a period ending before it starts is refused beside its field")
    check.set_value("p_0_end", "07:45")
    d.find_element(By.CSS_SELECTOR, "#periods-form button[type=submit]").click()
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "#p_0_end[aria-invalid=true]")))
    check.shot("periods-refused")
    check.step("bell periods page (en)")
    check.go("/ui/lang?to=en&back=%2Fui%2Fperiods")
    check.text_shown("Bell periods", "main h1")
    check.shot("periods-en")
    check.go("/ui/timeline?week=" + WEEK)
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "table.timeline")))
    assert "periods " in d.find_element(By.TAG_NAME, "main").text, "the week's bookings name their periods"
    check.shot("timeline-periods-en")
    check.go("/ui/lang?to=zh-CN&back=%2Fui%2F")
    check.logout()
# --- end of bell periods ---


def other_roles(check):
    for username, paths in (
        ("demo.school", ("/ui/school",)),
        ("demo.enterprise", ("/ui/enterprise?week=" + WEEK, "/ui/enterprise/courses")),
        ("demo.instructor", ("/ui/me?week=" + WEEK, "/ui/me?view=term&week=" + WEEK)),
    ):
        check.step(f"pages of {username}")
        check.login(username)
        for path in paths:
            check.go(path)
            check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "main h1")))
            assert "problem" not in check.driver.find_element(By.TAG_NAME, "main").get_attribute("innerHTML"), f"{path} failed"
            check.shot(username.split(".")[1] + "-" + path.split("?")[0].strip("/").replace("/", "-") + ("-term" if "term" in path else ""))
        check.logout()


def main():
    os.makedirs(SHOTS, exist_ok=True)
    driver = browser()
    check = Check(driver)
    try:
        manager(check)
        periods(check)
        other_roles(check)
        check.policy_kept()
    except (WebDriverException, AssertionError) as failure:
        check.shot("failure")
        detail = getattr(failure, "msg", None) or repr(failure)
        print(f"browser-check: step failed at {driver.current_url}: {detail}", file=sys.stderr)
        return 1
    finally:
        driver.quit()
    print(f"browser-check: every step passed, {check.count} screenshots")
    return 0


if __name__ == "__main__":
    sys.exit(main())
