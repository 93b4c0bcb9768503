"""Drives headless Chromium through the web UI; every wait is on a page condition.

usage: drive.py BASE_URL SCREENSHOT_DIR
"""
import datetime
import os
import time
import sys

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE, SHOTS = sys.argv[1], sys.argv[2]
PASSWORD = os.environ["PRAXIS_DEMO_PASSWORD"]  # set by scripts/browser-check
SESSION_COOKIE = "praxis_session"
WEEK = "2026-03-02"
# direct bookings are refused in the past: they go to the Monday two weeks from today
_today = datetime.date.today()
BOOK_WEEK = (_today + datetime.timedelta(days=14 - _today.weekday())).isoformat()


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
        self.sessions = {}  # username -> its session cookie, while signed in
        self.user = None

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
        # read while a navigation replaces the page, Chromium may answer "Node with given id does not
        # belong to the document" (an unknown error, not a stale element): read again until the time-out
        WebDriverWait(self.driver, 20, ignored_exceptions=(WebDriverException,)).until(
            ec.text_to_be_present_in_element((By.CSS_SELECTOR, selector), text))

    def click_navigating(self, element):
        """Clicks what submits a form or follows a link: Chromium may answer the click itself with
        "aborted by navigation" when the new page replaces the old one meanwhile (seen once on the
        series preview); the next wait reads the new page."""
        try:
            element.click()
        except WebDriverException as aborted:
            if "aborted by navigation" not in (aborted.msg or ""):
                raise

    def login(self, username):
        """Signs in as `username`: through the login form the first time, then by taking back that
        user's session (still open: switching users does not sign out), so the check stays under the
        login throttle's 30 attempts an address in 15 minutes however many steps it has."""
        self.go("/ui/login")
        session = self.sessions.get(username)
        if session is not None:
            self.driver.delete_cookie(SESSION_COOKIE)
            self.driver.add_cookie(session)
            self.go("/ui/")
            if username in " ".join(e.text for e in self.driver.find_elements(By.CSS_SELECTOR, ".account")):
                self.user = username
                return
            self.go("/ui/login")
        self.wait(ec.presence_of_element_located((By.ID, "username"))).send_keys(username)
        self.driver.find_element(By.ID, "password").send_keys(PASSWORD)
        self.driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
        self.text_shown(username, ".account")
        self.sessions[username] = self.driver.get_cookie(SESSION_COOKIE)
        self.user = username

    def logout(self):
        """Leaves the user's pages as a signed-out visitor sees them, keeping that user's session to
        take back (each sign-in through the form counts against the login throttle's 30 attempts an
        address in 15 minutes, which the steps outnumber); ``sign_out`` really signs out."""
        self.driver.delete_cookie(SESSION_COOKIE)
        self.go("/ui/login")
        self.wait(ec.presence_of_element_located((By.ID, "username")))

    def sign_out(self):
        self.driver.find_element(By.CSS_SELECTOR, ".account form button").click()
        self.wait(ec.presence_of_element_located((By.ID, "username")))
        self.sessions.pop(self.user, None)

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
    check.text_shown("Mon 2 Mar", "table.timeline thead")  # the UI's language, not the browser's
    check.shot("grid-week-en")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=zh-CN]").click()
    check.text_shown("资源时间线", "h1")

    check.step("timeline")
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "table.timeline tbody tr")))
    check.text_shown("3月2日", "table.timeline thead")
    check.shot("timeline")

    check.step("the grid's week: hour ruler, sticky headers, today and now marked")
    check.go("/ui/timeline")
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "table.timeline thead th.today .ruler i")))
    assert d.find_elements(By.CSS_SELECTOR, "#go-today[aria-current=date]"), "today's week does not say so"
    grid = d.find_element(By.CSS_SELECTOR, ".grid-scroll")
    d.execute_script("arguments[0].scrollTop = 200; arguments[0].scrollLeft = 600", grid)
    header = d.find_element(By.CSS_SELECTOR, "table.timeline thead th.corner")
    assert d.execute_script("return arguments[0].getBoundingClientRect().top - arguments[1].getBoundingClientRect().top",
                            header, grid) < 2, "the time header scrolled away"
    d.execute_script("arguments[0].scrollTop = 0; arguments[0].scrollLeft = 0", grid)
    check.shot("grid-week-today")

    check.step("the grid's day view")
    check.go("/ui/timeline?view=day&day=" + WEEK)
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "table.timeline.view-day tbody tr")))
    check.shot("grid-day")

    check.step("the grid filtered by kind and workshop")
    check.go("/ui/timeline?week=" + WEEK)
    Select(d.find_element(By.ID, "kind")).select_by_value("equipment_line")
    Select(d.find_element(By.ID, "workshop")).select_by_visible_text("数控实训车间")
    d.find_element(By.CSS_SELECTOR, "#timeline-filter button[type=submit]").click()
    check.wait(lambda driver: "kind=equipment_line" in driver.current_url)
    names = [th.text.split("\n")[0] for th in d.find_elements(By.CSS_SELECTOR, "table.timeline tbody th")]
    assert sorted(names) == sorted(["数控车床 1", "数控车床 2", "数控车床 3", "立式加工中心 1", "立式加工中心 2", "五轴加工中心"]), \
        f"the filter kept {names}"
    check.shot("grid-filtered")

    check.step("direct booking from a drag-selected span, in a dialog in place")
    check.go("/ui/timeline?week=" + BOOK_WEEK)
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "table.timeline tbody tr")))
    row = d.find_elements(By.CSS_SELECTOR, "table.timeline tbody tr")[0]
    cells = row.find_elements(By.CSS_SELECTOR, ".hours")[0].find_elements(By.CSS_SELECTOR, "a")
    span_end = cells[1].get_attribute("href").split("to=")[1][:5]
    ActionChains(d).click_and_hold(cells[0]).move_to_element(cells[1]).release().perform()
    check.wait(ec.visibility_of_element_located((By.ID, "book-form")))
    assert d.execute_script("return document.getElementById('book').matches(':modal')"), "the dialog is not in place"
    assert d.find_element(By.ID, "f-to").get_attribute("value") == span_end, "the dialog did not take the dragged span"
    check.shot("grid-drag-dialog")
    Select(d.find_element(By.ID, "f-organization")).select_by_visible_text("潍坊职业学院")
    # the chosen organization's quotas only, with what is left of them
    shown = [line.text for line in d.find_elements(By.CSS_SELECTOR, "#book-quotas li") if line.is_displayed()]
    assert len(shown) == 1 and "潍坊职业学院" in shown[0] and "120" in shown[0], f"quota lines shown: {shown}"
    Select(d.find_element(By.ID, "f-category")).select_by_value("student_training")
    d.find_element(By.ID, "f-title").send_keys("浏览器检查预订")
    check.shot("booking-form")
    d.find_element(By.CSS_SELECTOR, "#book-form button[type=submit]").click()
    check.text_shown("已预订", ".notice")
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, ".block.just-booked")))
    # tracks.js placed the blocks on their tracks (the policy allows no style attribute)
    check.wait(lambda driver: driver.execute_script("return document.querySelector('.block.just-booked').style.left"))
    check.shot("booked")

    check.step("a click on a booking shows it, with a link to its page")
    d.find_element(By.CSS_SELECTOR, "a.block.just-booked").click()
    check.wait(ec.visibility_of_element_located((By.ID, "block-open")))
    check.text_shown("浏览器检查预订", "#block-what")
    assert "/ui/bookings/" in d.find_element(By.ID, "block-open").get_attribute("href")
    check.shot("grid-block-shown")
    d.find_element(By.CSS_SELECTOR, "#block form.close button").click()

    check.step("a clashing booking shows the clash in place and keeps the form")
    row = d.find_elements(By.CSS_SELECTOR, "table.timeline tbody tr")[0]
    booked_from = row.find_element(By.CSS_SELECTOR, ".hours a")
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

    check.step("a weekly series from the same form: the preview shows the clash, confirming skips it")
    check.set_value("f-weeks", "3")
    check.click_navigating(d.find_element(By.ID, "f-series"))
    check.wait(ec.presence_of_element_located((By.ID, "series-occurrences")))
    assert len(d.find_elements(By.CSS_SELECTOR, "#series-occurrences tr.series-clash")) == 1, "the preview lacks the clash"
    assert len(d.find_elements(By.CSS_SELECTOR, "#series-occurrences tbody tr")) == 3, "the preview lacks a week"
    check.shot("series-preview")
    check.click_navigating(d.find_element(By.ID, "series-skip"))
    check.text_shown("每周重复预约已完成", ".notice")
    check.shot("series-booked")

    check.step("cancelling the booking from the week's list view: asked to confirm, with a reason")
    check.go("/ui/timeline?week=" + BOOK_WEEK)
    check.click_navigating(d.find_element(By.CSS_SELECTOR, ".views a[href*='view=list']"))
    check.wait(ec.presence_of_element_located((By.ID, "week-bookings")))
    assert not d.find_elements(By.CSS_SELECTOR, "table.timeline"), "the list view still draws the grid"
    check.shot("week-list")
    listed = next(r for r in d.find_elements(By.CSS_SELECTOR, "#week-bookings tbody tr") if "浏览器检查预订" in r.text)
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", listed)
    listed.find_element(By.CSS_SELECTOR, "a.cancel").click()
    check.wait(ec.presence_of_element_located((By.ID, "cancel-form")))
    check.text_shown("浏览器检查预订", "#cancel-what")
    d.find_element(By.CSS_SELECTOR, "#cancel-form button[type=submit]").click()
    check.wait(ec.presence_of_element_located((By.ID, "cancel-reason")))
    d.find_element(By.ID, "cancel-reason").send_keys("浏览器检查：课程调整")
    check.shot("cancel-confirm")
    d.find_element(By.CSS_SELECTOR, "#cancel-form button[type=submit]").click()
    check.text_shown("预订已取消", ".notice")
    assert not any("浏览器检查预订" in (b.get_attribute("title") or "") for b in d.find_elements(By.CSS_SELECTOR, ".block")), \
        "the cancelled booking is still on the timeline"
    check.shot("cancelled")

    check.step("a booking of the series, moved on its own page: the edit form, then the booking at its new time")
    check.go("/ui/timeline?view=list&day=" + (datetime.date.fromisoformat(BOOK_WEEK) + datetime.timedelta(days=7)).isoformat())
    listed = next(r for r in d.find_elements(By.CSS_SELECTOR, "#week-bookings tbody tr") if "冲突的预订" in r.text)
    listed.find_element(By.CSS_SELECTOR, "a").click()
    check.wait(ec.presence_of_element_located((By.ID, "booking-edit")))
    check.shot("booking-page")
    d.find_element(By.ID, "booking-edit").click()
    check.wait(ec.presence_of_element_located((By.ID, "edit-form")))
    check.set_value("e-from", "10:00")
    check.set_value("e-to", "12:00")
    d.find_element(By.ID, "e-reason").send_keys("浏览器检查：改到上午晚些")
    check.shot("booking-edit")
    d.find_element(By.CSS_SELECTOR, "#edit-form button[type=submit]").click()
    check.text_shown("10:00–12:00", "#booking-when")
    check.shot("booking-moved")

    check.step("planner run with live progress")
    check.go("/ui/planner")
    check.wait(ec.presence_of_element_located((By.ID, "plan-form")))
    check.set_value("f-from", WEEK)
    check.set_value("f-to", "2026-03-08")
    check.set_value("f-seconds", "10")
    check.shot("planner")
    d.find_element(By.CSS_SELECTOR, "#plan-form button[type=submit]").click()
    check.wait(ec.presence_of_element_located((By.ID, "plan-status")))
    check.shot("plan-running", full=False)
    check.wait(ec.presence_of_element_located((By.ID, "publish-review")), seconds=180)
    assert d.find_element(By.ID, "plan-best").text.strip() not in ("", "–"), "no best score shown"
    assert d.find_elements(By.CSS_SELECTOR, "#diff tr.diff-added"), "the proposal adds nothing"
    summary = d.find_element(By.ID, "plan-summary").text
    assert "个课次" in summary and "偏好" in summary, "no plain-language summary: " + summary
    assert d.find_elements(By.CSS_SELECTOR, "#outside li"), "the demo's later weeks are not listed apart"
    check.shot("plan-proposal")
    d.find_element(By.CSS_SELECTOR, "#score-details summary").click()
    d.execute_script("arguments[0].scrollIntoView()", d.find_element(By.ID, "plan-timings"))
    timings = d.find_element(By.ID, "plan-timings").text
    assert "求解" in timings and "路并行搜索" in timings, "no run time by part: " + timings
    check.shot("plan-timings", full=False)
    plan_url = d.current_url.split("?")[0]

    check.step("the proposal as a timetable, its diff marked")
    d.find_element(By.ID, "timetable-link").click()
    check.wait(ec.presence_of_element_located((By.ID, "proposal-timetable")))
    assert d.find_elements(By.CSS_SELECTOR, "#proposal-timetable .session.diff-added"), "no added session marked"
    check.shot("plan-timetable")
    d.find_element(By.CSS_SELECTOR, "a[href$='rows=instructors']").click()
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "#proposal-timetable .session")))
    check.shot("plan-timetable-instructors")

    check.step("publish asks first and says what changes for whom")
    d.get(plan_url)
    check.wait(ec.presence_of_element_located((By.ID, "publish-review")))
    d.find_element(By.ID, "publish-review").click()
    check.wait(ec.presence_of_element_located((By.ID, "publish-form")))
    check.text_shown("新增", "#publish-totals")
    assert d.find_elements(By.CSS_SELECTOR, "#publish-changes tbody tr"), "no organization named"
    check.shot("publish-confirm")
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

    check.step("the grid's month: each resource's day as its share taken, linking to the day")
    check.go("/ui/timeline?view=month&day=" + WEEK)
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "table.timeline.month a.occ")))
    assert d.find_elements(By.CSS_SELECTOR, "a.occ:not(.occ-0)"), "the month shows nothing taken after publishing"
    check.shot("grid-month")
    d.find_element(By.CSS_SELECTOR, "a.occ:not(.occ-0)").click()
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "table.timeline.view-day")))

    check.step("grouped navigation: a menu opened from the keyboard")
    menus = [m.text for m in d.find_elements(By.CSS_SELECTOR, "header nav .menu > details > summary")]
    assert {"排课", "设置", "人员与单位"} <= set(menus), f"menus missing: {menus}"
    setup = d.find_element(By.XPATH, "//header//nav//summary[normalize-space()='设置']")
    setup.send_keys(Keys.ENTER)
    check.wait(lambda driver: setup.find_element(By.XPATH, "..").get_attribute("open") is not None)
    check.wait(ec.visibility_of_element_located((By.CSS_SELECTOR, "header nav a[href='/ui/catalogue']")))
    check.shot("nav-menu", full=False)
    d.find_element(By.CSS_SELECTOR, "header nav a[href='/ui/catalogue']").click()
    check.wait(ec.presence_of_element_located((By.ID, "catalogue-form")))
    assert d.find_elements(By.CSS_SELECTOR, "header nav .menu.current"), "the current page's menu is not marked"

    check.step("requests inbox, resources, instructors, policy")
    for path, name in (("/ui/requests", "requests"), ("/ui/resources", "resources"), ("/ui/instructors", "instructors"),
                       ("/ui/policy", "policy")):
        check.go(path)
        check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "main h1")))
        check.shot(name)
    pilot_closed_days(check)

    check.step("phone width")
    d.set_window_size(390, 844)
    check.go("/ui/timeline?week=" + WEEK)
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "table.timeline")))
    check.shot("phone-timeline", full=False)
    check.go("/ui/requests")
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "main h1")))
    check.shot("phone-requests", full=False)
    d.set_window_size(1366, 768)
    check.sign_out()


def catalogue(check):
    """The capability catalogue, a resource's edit form with its picker, the center's settings and
    closures: in Chinese, then in English (labels follow the language), then Chinese again."""
    check.step("catalogue, resource edit, center and closures (zh-CN, en)")
    check.login("demo.manager")
    d = check.driver
    for language, lathe in (("zh-CN", "数控车床"), ("en", "CNC lathe")):
        if language == "en":
            d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=en]").click()
            check.text_shown("Setup", "nav")
        check.go("/ui/catalogue")
        check.wait(ec.presence_of_element_located((By.ID, "catalogue-form")))
        check.wait(lambda driver: lathe in driver.find_element(By.ID, "catalogue").get_attribute("innerHTML"))
        check.shot(f"catalogue-{language}")
        check.go("/ui/resources")
        check.text_shown(lathe, "#resources")
        d.find_element(By.CSS_SELECTOR, "#resources a[href^='/ui/resources/']").click()
        check.wait(ec.presence_of_element_located((By.ID, "resource-edit-form")))
        assert d.find_elements(By.CSS_SELECTOR, "#resource-edit-form input[name=capabilities]:checked"), "no capability ticked"
        check.shot(f"resource-edit-{language}")
        check.go("/ui/center")
        check.wait(ec.presence_of_element_located((By.ID, "closure-form")))
        check.shot(f"center-{language}")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=zh-CN]").click()
    check.text_shown("设置", "nav")
    check.step("a closure over a day already closed: the error page says why in Chinese, the service's sentence under it")
    for attempt in (1, 2):
        check.go("/ui/center")
        check.wait(ec.presence_of_element_located((By.ID, "closure-form")))
        check.set_value("f-from", "2027-06-14")
        check.set_value("f-to", "2027-06-14")
        check.set_value("f-reason", "设备检修")
        check.click_navigating(d.find_element(By.CSS_SELECTOR, "#closure-form button[type=submit]"))
        if attempt == 1:
            check.text_shown("设备检修", "#closures")
    check.text_shown("中心在其中某些日期已经闭馆。", "main")
    check.text_shown("The center is already closed on some of those days.", "main small[lang=en]")
    check.shot("conflict-zh-CN")
    check.go("/ui/center")
    row = next(r for r in d.find_elements(By.CSS_SELECTOR, "#closures tbody tr") if "设备检修" in r.text)
    check.click_navigating(row.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    check.text_shown("闭馆日已删除。")
    assert "设备检修" not in d.find_element(By.ID, "closures").text, "the closure was deleted again"
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
    check.go("/ui/timeline?view=list&day=" + WEEK)
    check.wait(ec.presence_of_element_located((By.ID, "week-bookings")))
    assert "periods " in d.find_element(By.ID, "week-bookings").text, "the week's bookings name their periods"
    check.shot("timeline-periods-en")
    check.go("/ui/lang?to=zh-CN&back=%2Fui%2F")
    check.logout()
# --- end of bell periods ---


# --- quotas per organization: the manager's page (zh-CN, en), a refused field, a booking refused by a
# quota explained in the form, the coordinator's hours left on the home page ---
def quotas(check):
    d = check.driver
    check.step("quotas page (zh-CN): the demo's quotas with the hours left")
    check.login("demo.manager")
    check.go("/ui/quotas")
    check.wait(ec.presence_of_element_located((By.ID, "quota-form")))
    check.text_shown("五轴加工中心", "#quotas")
    check.shot("quotas")
    check.step("a quota naming both a resource and a capability is refused beside its field")
    Select(d.find_element(By.ID, "f-organization")).select_by_visible_text("潍坊市工业学校")
    Select(d.find_element(By.ID, "f-resource")).select_by_visible_text("数控车床 1")
    d.find_element(By.ID, "f-capability").send_keys("cnc.lathe")
    check.set_value("f-hours", "1")
    d.find_element(By.CSS_SELECTOR, "#quota-form button[type=submit]").click()
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "#f-capability[aria-invalid=true]")))
    check.shot("quota-refused")
    check.step("a quota of one hour a week of student training for a school")
    d.find_element(By.ID, "f-capability").clear()
    Select(d.find_element(By.ID, "f-resource")).select_by_value("")
    Select(d.find_element(By.ID, "f-category")).select_by_value("student_training")
    Select(d.find_element(By.ID, "f-period")).select_by_value("week")
    check.set_value("f-hours", "1")
    d.find_element(By.CSS_SELECTOR, "#quota-form button[type=submit]").click()
    check.text_shown("配额已保存", ".notice")
    check.shot("quota-added")
    check.step("a two-hour booking for that school is refused by the quota, explained in the form")
    check.go("/ui/timeline?week=" + BOOK_WEEK)
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "table.timeline tbody tr")))
    d.find_elements(By.CSS_SELECTOR, "table.timeline tbody tr")[-1].find_element(By.CSS_SELECTOR, ".hours a").click()
    check.wait(ec.visibility_of_element_located((By.ID, "book-form")))
    check.set_value("f-from", "19:00")
    check.set_value("f-to", "21:00")
    Select(d.find_element(By.ID, "f-organization")).select_by_visible_text("潍坊市工业学校")
    Select(d.find_element(By.ID, "f-category")).select_by_value("student_training")
    d.find_element(By.ID, "f-title").send_keys("超出配额的预订")
    d.find_element(By.CSS_SELECTOR, "#book-form button[type=submit]").click()
    check.wait(ec.presence_of_element_located((By.ID, "clash")))
    check.text_shown("配额", "#clash")
    check.shot("quota-booking-refused")
    check.step("quotas page (en), then the school's quota deleted")
    check.go("/ui/lang?to=en&back=%2Fui%2Fquotas")
    check.text_shown("Quotas", "main h1")
    check.text_shown("left this", "#quotas")
    check.shot("quotas-en")
    check.go("/ui/lang?to=zh-CN&back=%2Fui%2Fquotas")
    check.wait(ec.presence_of_element_located((By.ID, "quotas")))
    row = [r for r in d.find_elements(By.CSS_SELECTOR, "#quotas tbody tr") if "潍坊市工业学校" in r.text][0]
    check.click_navigating(row.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    check.text_shown("配额已删除", ".notice")
    check.logout()
    check.step("the school coordinator's home page shows the hours left")
    check.login("demo.school")
    check.go("/ui/")
    check.wait(ec.presence_of_element_located((By.ID, "home-quotas")))
    check.text_shown("小时", "#home-quotas")
    check.shot("home-quotas-school")
    # the school coordinator stays signed in for shared_courses (logins per client address are limited)
# --- end of quotas ---


# --- shared-employee courses as products: a college offers a course (a refused field first), the
# catalogue with a dated course's timetable, an SME buying two named seats on it (zh-CN, en) ---
def shared_courses(check):
    d = check.driver
    check.step("a college offers a shared-employee course: a minimum over the capacity is refused beside its field")
    # signed in as demo.school since quotas()
    check.go("/ui/courses/offer")
    check.wait(ec.presence_of_element_located((By.ID, "offer-form")))
    check.text_shown("工业机器人运维（共享员工）", "#offered")
    d.find_element(By.ID, "f-title").send_keys("数控编程共享课")
    Select(d.find_element(By.ID, "f-skill")).select_by_value("cnc.lathe")
    for field, value in (("capacity", "10"), ("minEnrolment", "12"), ("decisionDate", "2031-01-15"),
                         ("sessions", "4"), ("sessionMinutes", "180")):
        check.set_value("f-" + field, value)
    check.click_navigating(d.find_element(By.CSS_SELECTOR, "#offer-form button[type=submit]"))
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "#f-minEnrolment[aria-invalid=true]")))
    check.shot("offer-refused")
    check.set_value("f-minEnrolment", "4")
    check.click_navigating(d.find_element(By.CSS_SELECTOR, "#offer-form button[type=submit]"))
    check.text_shown("课程已开设", ".notice")
    check.text_shown("数控编程共享课", "#offered")
    check.text_shown("尚未排定时间", "#offered")
    check.shot("offer-course")
    check.go("/ui/lang?to=en&back=%2Fui%2Fcourses%2Foffer")
    check.text_shown("Offer a course", "main h1")
    check.shot("offer-course-en")
    check.go("/ui/lang?to=zh-CN&back=%2Fui%2F")
    check.step("pages of demo.school")
    check.go("/ui/school")
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "main h1")))
    assert "problem" not in d.find_element(By.TAG_NAME, "main").get_attribute("innerHTML"), "/ui/school failed"
    check.shot("school-ui-school")
    check.logout()
    check.step("the catalogue shows a dated course's timetable; an SME buys two named seats on it")
    check.login("demo.sme")
    check.go("/ui/enterprise/courses")
    check.wait(ec.presence_of_element_located((By.ID, "courses")))
    card = [c for c in d.find_elements(By.CSS_SELECTOR, "#courses section.card") if "工业机器人运维" in c.text][0]
    assert "09:00" in card.find_element(By.CSS_SELECTOR, ".course-dates").text, "the dated course shows its times"
    for index, (name, number, position) in enumerate((("王强", "AQ1001", "电工"), ("李娜", "AQ1002", "设备员"))):
        card.find_element(By.NAME, f"name-{index}").send_keys(name)
        card.find_element(By.NAME, f"number-{index}").send_keys(number)
        card.find_element(By.NAME, f"position-{index}").send_keys(position)
    check.shot("seats-named")
    check.click_navigating(card.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    check.text_shown("名额申请已提交", ".notice")
    check.text_shown("本单位申请名额： 2", "#courses")
    check.shot("seats-bought")
    check.go("/ui/lang?to=en&back=%2Fui%2Fenterprise%2Fcourses")
    check.text_shown("Seats we asked for: 2", "#courses")
    check.shot("courses-dated-en")
    check.go("/ui/lang?to=zh-CN&back=%2Fui%2F")
    check.logout()
# --- end of shared-employee courses ---


# --- pilot runs as production works: a 3-shift, 5-day run with exclusive hall; the closed-days rule ---
def pilot_request(check):
    """Signed in as the demo enterprise (zh-CN): a production engineer asks for a run in three 8-hour
    shifts over five days with the hall to itself (the form in zh-CN, submitted in English), sees it among
    its requests, and the center's week shows the demo's three-shift run round the clock."""
    d = check.driver
    check.step("a production engineer asks for a 3-shift, 5-day run with exclusive hall")
    check.go("/ui/enterprise")
    check.wait(ec.presence_of_element_located((By.ID, "pilot-form")))
    check.text_shown("三班倒", "#pilot-form")
    check.shot("pilot-form-zh-CN")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=en]").click()
    check.text_shown("Working pattern", "#pilot-form")
    start = datetime.date.today() + datetime.timedelta(days=21)
    d.find_element(By.ID, "f-pilotTitle").send_keys("Impeller pilot in three shifts")
    Select(d.find_element(By.ID, "f-line")).select_by_visible_text("五轴加工中心")
    check.set_value("f-days", "5")
    check.set_value("f-earliestStart", start.isoformat())
    check.set_value("f-latestStart", (start + datetime.timedelta(days=7)).isoformat())
    Select(d.find_element(By.ID, "f-pattern")).select_by_value("3x8")
    check.set_value("f-firstStart", "06:00")
    check.set_value("f-changeoverBeforeMinutes", "60")
    check.set_value("f-changeoverAfterMinutes", "120")
    d.find_element(By.ID, "f-exclusiveHall").click()
    check.shot("pilot-form-en")
    check.click_navigating(d.find_element(By.CSS_SELECTOR, "#pilot-form button[type=submit]"))
    check.text_shown("The request is submitted.", ".notice")
    check.text_shown("Impeller pilot in three shifts", "main")
    check.shot("pilot-requested-en")
    check.step("the center's week shows the three-shift run round the clock")
    check.text_shown("叶轮新品三班连续中试", "main")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=zh-CN]").click()
    check.text_shown("叶轮新品三班连续中试", "main")
    check.shot("pilot-week-zh-CN")


# --- upskilling courses as enterprises run them: own trainer, theory and practice parts, the roster ---
def fill_course(check, name, start):
    """Fills the upskilling form: pre-job training, theory in any classroom then practice on the lathes,
    six weeks from `start`, taught by the trainer 刘师傅."""
    d = check.driver
    d.find_element(By.ID, "f-course").send_keys(name)
    for field, value in (("trainingType", "preJob"), ("part1Kind", "theory"), ("part1Skill", "cnc.lathe"),
                         ("part2Kind", "practice"), ("part2Capability", "cnc.lathe"), ("part2Skill", "cnc.lathe")):
        Select(d.find_element(By.ID, f"f-{field}")).select_by_value(value)
    check.set_value("f-earliest", start.isoformat())
    check.set_value("f-latest", (start + datetime.timedelta(days=42)).isoformat())
    trainer = [label for label in d.find_elements(By.CSS_SELECTOR, "#trainers label") if "刘师傅" in label.text][0]
    trainer.find_element(By.TAG_NAME, "input").click()


def upskilling_course(check):
    """Signed in as the demo enterprise (zh-CN): the training officer registers the enterprise's own
    trainer (师傅), asks for a course with a theory part in any classroom and a practice part on the
    lathes taught by that trainer (the form in zh-CN, submitted in English), and names two employees
    on the course's roster."""
    d = check.driver
    check.step("an enterprise registers its own trainer")
    check.go("/ui/our-instructors")
    check.wait(ec.presence_of_element_located((By.ID, "trainer-form")))
    d.find_element(By.ID, "f-name").send_keys("刘师傅")
    Select(d.find_element(By.ID, "f-skill")).select_by_value("cnc.lathe")
    check.set_value("f-expiresOn", "2030-12-31")
    for day in ("6",):
        d.find_element(By.CSS_SELECTOR, f"#trainer-form input[name=weekdays][value='{day}']").click()
    check.set_value("f-from", "08:00")
    check.set_value("f-to", "17:00")
    check.shot("trainer-form-zh-CN")
    check.click_navigating(d.find_element(By.CSS_SELECTOR, "#trainer-form button[type=submit]"))
    check.text_shown("刘师傅", "#our-instructors")
    check.step("a course of a theory and a practice part, taught by the enterprise's own trainer")
    check.go("/ui/enterprise")
    check.wait(ec.presence_of_element_located((By.ID, "upskilling-form")))
    check.text_shown("课程环节", "#upskilling-form")
    start = datetime.date.today() + datetime.timedelta(days=14)
    fill_course(check, "数控车工岗前培训", start)
    check.shot("course-form-zh-CN")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=en]").click()
    check.text_shown("Part", "#upskilling-form")
    # the language switch reloads the page: the form is filled again, in English
    fill_course(check, "CNC turning pre-job course", start)
    check.shot("course-form-en")
    check.click_navigating(d.find_element(By.CSS_SELECTOR, "#upskilling-form button[type=submit]"))
    check.text_shown("The request is submitted.", ".notice")
    check.step("the course's roster: two employees with number and position")
    row = [r for r in d.find_elements(By.CSS_SELECTOR, "#own-requests tbody tr") if "CNC turning pre-job course" in r.text][0]
    check.click_navigating(row.find_element(By.CSS_SELECTOR, "a[href$='/evidence']"))
    check.wait(ec.presence_of_element_located((By.ID, "roster-add-form")))
    for name, number, position in (("周明", "E3001", "车工"), ("吴芳", "E3002", "质检员")):
        d.find_element(By.ID, "f-name").send_keys(name)
        d.find_element(By.ID, "f-number").send_keys(number)
        d.find_element(By.ID, "f-position").send_keys(position)
        check.click_navigating(d.find_element(By.CSS_SELECTOR, "#roster-add-form button[type=submit]"))
        check.text_shown(name, "#roster")
    check.shot("course-roster-en")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=zh-CN]").click()
    check.text_shown("质检员", "#roster")
    check.shot("course-roster-zh-CN")


def teacher_courses(check):
    """Signed in as the demo school (zh-CN; in its session: the logins stay under the throttle): its page for
    its teachers' practice at the center (教师岗位实践), zh-CN then en."""
    d = check.driver
    check.step("a school's teacher-practice page (zh-CN, en)")
    check.go("/ui/school/teacher-courses")
    check.wait(ec.presence_of_element_located((By.ID, "upskilling-form")))
    check.text_shown("教师岗位实践", "#upskilling-form")
    check.shot("teacher-courses-zh-CN")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=en]").click()
    check.text_shown("Teachers' practice in enterprise work", "#upskilling-form")
    check.shot("teacher-courses-en")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=zh-CN]").click()
    check.text_shown("教师岗位实践", "main")
# --- end of upskilling courses ---


def pilot_closed_days(check):
    """Signed in as the demo manager (zh-CN): the policy's closed-days rule for pilot runs, set and unset."""
    d = check.driver
    check.step("the manager lets pilot runs go on through closed days and holidays")
    check.go("/ui/policy")
    check.wait(ec.presence_of_element_located((By.ID, "pilotThroughClosures")))
    d.find_element(By.ID, "pilotThroughClosures").click()
    check.click_navigating(d.find_element(By.CSS_SELECTOR, "#policy-form button[type=submit]"))
    check.text_shown("策略已保存", ".notice")
    assert d.find_element(By.ID, "pilotThroughClosures").is_selected(), "the closed-days rule was not kept"
    check.shot("policy-pilot-runs-zh-CN")
    d.find_element(By.ID, "pilotThroughClosures").click()
    check.click_navigating(d.find_element(By.CSS_SELECTOR, "#policy-form button[type=submit]"))
    check.text_shown("策略已保存", ".notice")
# --- end of pilot runs ---


def displacement(check):
    """Priorities and make-up: the manager sees the policy's rule, runs the summer week in which the
    demo's urgent pilot run can only take 机电2401班's Monday visit, reads the displaced session and
    its make-up in the proposal and the review, publishes; the school sees its class's session moved
    (its page in zh-CN and en, the booking's page) and is told."""
    d = check.driver
    check.step("the manager's policy puts pilot production first, with a make-up within 14 days")
    check.login("demo.manager")
    check.go("/ui/policy")
    check.wait(ec.presence_of_element_located((By.ID, "displacement")))
    assert d.find_element(By.ID, "disp_by_pilot_production").is_selected(), "the demo's rule is not shown"
    assert d.find_element(By.ID, "disp_of_student_training").is_selected(), "the demo's rule is not shown"
    assert d.find_element(By.ID, "disp_days").get_attribute("value") == "14"
    d.execute_script("document.getElementById('displacement').scrollIntoView()")
    check.shot("policy-displacement-zh-CN", full=False)

    check.step("a run displaces a class's confirmed session only with its make-up")
    check.go("/ui/planner")
    check.wait(ec.presence_of_element_located((By.ID, "plan-form")))
    check.set_value("f-from", "2026-07-13")
    check.set_value("f-to", "2026-07-19")
    check.set_value("f-seconds", "4")
    d.find_element(By.CSS_SELECTOR, "#plan-form button[type=submit]").click()
    check.wait(ec.presence_of_element_located((By.ID, "publish-review")), seconds=180)
    check.text_shown("暑期智能产线认知实习", "#displaced")
    check.shot("plan-displaced")
    d.find_element(By.ID, "publish-review").click()
    check.wait(ec.presence_of_element_located((By.ID, "publish-displaced")))
    check.shot("publish-displaced")
    d.find_element(By.CSS_SELECTOR, "#publish-form button[type=submit]").click()
    check.text_shown("方案已发布", ".notice")

    check.step("the school sees its class's session moved to its make-up, and is told")
    check.login("demo.school")
    check.go("/ui/school")
    check.wait(ec.presence_of_element_located((By.ID, "displaced-sessions")))
    check.text_shown("暑期智能产线认知实习", "#displaced-sessions")
    check.text_shown("产品中试", "#displaced-sessions")
    d.execute_script("document.getElementById('displaced-sessions').scrollIntoView()")
    check.shot("school-displaced-zh-CN", full=False)
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=en]").click()
    check.text_shown("Sessions moved to a make-up", "#displaced-sessions")
    d.execute_script("document.getElementById('displaced-sessions').scrollIntoView()")
    check.shot("school-displaced-en", full=False)
    check.click_navigating(d.find_element(By.CSS_SELECTOR, "#displaced a"))
    check.text_shown("This is the make-up of", "#booking-facts")
    check.shot("booking-make-up-en")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=zh-CN]").click()
    check.text_shown("补排", "#booking-facts")
    check.go("/ui/notices")
    check.text_shown("课次已调整：机电2401班 暑期智能产线认知实习", "#notices")
    check.shot("school-notice-displaced")


def other_roles(check):
    # demo.school's page is taken in shared_courses(), in a session it already has
    for username, paths in (
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
        if username == "demo.enterprise":
            pilot_request(check)
            upskilling_course(check)
        check.logout()


def editing(check):
    """Editing and onboarding: organizations, the onboarding form and its one-time password, an
    instructor's certificates and leave, a school's request; in zh-CN and en."""
    d = check.driver
    check.step("onboarding a school with its coordinator")
    check.login("demo.manager")
    check.go("/ui/organizations")
    check.wait(ec.presence_of_element_located((By.ID, "onboard-form")))
    check.shot("organizations")
    tag = str(int(time.time()))[-6:]
    d.find_element(By.ID, "f-name").send_keys("浏览器检查职业学校 " + tag)
    Select(d.find_element(By.ID, "f-kind")).select_by_value("secondary_vocational_school")
    d.find_element(By.ID, "f-username").send_keys("check.school" + tag)
    d.find_element(By.ID, "f-displayName").send_keys("检查协调员")
    d.find_element(By.CSS_SELECTOR, "#onboard-form button[type=submit]").click()
    check.wait(ec.presence_of_element_located((By.ID, "initial-password")))
    assert len(d.find_element(By.ID, "initial-password").text.strip()) == 23, "no initial password shown"
    check.shot("onboarded")

    check.step("editing an organization and an instructor's certificate and leave")
    check.go("/ui/organizations")
    listed = next(r for r in d.find_elements(By.CSS_SELECTOR, "#organizations tbody tr") if "浏览器检查职业学校" in r.text)
    listed.find_element(By.CSS_SELECTOR, "a").click()
    check.wait(ec.presence_of_element_located((By.ID, "organization-form")))
    Select(d.find_element(By.ID, "f-kind")).select_by_value("higher_vocational_college")
    check.shot("organization-edit")
    d.find_element(By.CSS_SELECTOR, "#organization-form button[type=submit]").click()
    check.text_shown("已保存", ".notice")
    check.go("/ui/instructors")
    teacher = next(r for r in d.find_elements(By.CSS_SELECTOR, "#instructors tbody tr") if "张伟" in r.text)
    teacher.find_element(By.CSS_SELECTOR, "a").click()
    check.wait(ec.presence_of_element_located((By.ID, "instructor-edit-form")))
    assert d.find_element(By.CSS_SELECTOR, "input[name=leaveFirst]").get_attribute("value") == "2026-04-13", "the demo leave is missing"
    check.shot("instructor-edit")
    d.find_element(By.CSS_SELECTOR, "#instructor-edit-form button[type=submit]").click()
    check.text_shown("已保存", ".notice")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=en]").click()
    check.text_shown("Edit instructor", "h1")
    check.shot("instructor-edit-en")
    check.go("/ui/organizations")
    check.text_shown("Onboard a school or enterprise", "main")
    check.shot("organizations-en")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=zh-CN]").click()
    check.text_shown("接入学校或企业", "main")
    check.logout()

    check.step("a school coordinator edits a submitted request")
    check.login("demo.school")
    check.go("/ui/school")
    d.find_element(By.ID, "f-course").send_keys("浏览器检查课程")
    Select(d.find_element(By.ID, "f-cohort")).select_by_index(1)
    check.set_value("f-startDate", "2026-03-09")
    check.set_value("f-capability", "cnc.lathe")
    d.find_element(By.CSS_SELECTOR, "#school-form button[type=submit]").click()
    check.text_shown("申请已提交", ".notice")
    row = next(r for r in d.find_elements(By.CSS_SELECTOR, "#own-requests tbody tr") if "浏览器检查课程" in r.text)
    row.find_element(By.CSS_SELECTOR, "a").click()
    check.wait(ec.presence_of_element_located((By.ID, "request-edit-form")))
    check.shot("request-edit")
    d.find_element(By.CSS_SELECTOR, "#request-edit-form button[type=submit]").click()
    check.text_shown("已保存", ".notice")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=en]").click()
    check.text_shown("Edit request", "h1")
    check.shot("request-edit-en")
    check.go("/ui/our-instructors")
    check.text_shown("Our instructors", "h1")
    check.shot("our-instructors-en")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=zh-CN]").click()
    check.text_shown("本单位教师", "h1")
    check.shot("our-instructors")
    check.logout()


def terms_and_holidays(check):
    """Terms and teaching weeks, the holidays page with a CSV check, the school's term form (zh-CN and en)."""
    d = check.driver
    check.step("terms, teaching weeks and holidays")
    check.login("demo.manager")
    for language in ("zh-CN", "en"):
        check.go("/ui/lang?to=" + language + "&back=%2Fui%2Fterms")
        check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "#terms a")))
        check.shot("terms-" + language)
        d.find_element(By.CSS_SELECTOR, "#terms a").click()
        check.wait(ec.presence_of_element_located((By.ID, "teaching-weeks")))
        assert "清明节" in d.find_element(By.ID, "teaching-weeks").text, "week 6 should show 清明节"
        check.shot("term-weeks-" + language)
        check.go("/ui/calendar?year=2026")
        check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "#calendar-days select")))
        check.set_value("f-csv", "date,kind,holiday\n2027-01-01,holiday,元旦\n2027-02-30,holiday,春节\n")
        d.find_element(By.CSS_SELECTOR, "#calendar-import button[value=check]").click()
        check.wait(ec.presence_of_element_located((By.ID, "csv-errors")))
        check.shot("calendar-check-" + language)
    # a term whose first day is not a Monday: the message beside the field
    check.go("/ui/terms")
    check.wait(ec.presence_of_element_located((By.ID, "term-form")))
    check.set_value("f-name", "2026秋季学期")
    check.set_value("f-firstDay", "2026-09-02")
    check.set_value("f-weeks", "18")
    d.find_element(By.CSS_SELECTOR, "#term-form button[type=submit]").click()
    check.wait(ec.presence_of_element_located((By.ID, "e-firstDay")))
    check.go("/ui/lang?to=zh-CN&back=%2Fui%2F")
    check.logout()
    check.login("demo.school")
    check.go("/ui/school")
    check.wait(ec.presence_of_element_located((By.ID, "f-term")))
    check.shot("school-term-form")
    check.logout()
def school_classes(check):
    """A school coordinator edits a class's free times (zh-CN), meets a refusal beside its weekday, saves,
    and sees the add-a-class form in English."""
    d = check.driver
    check.step("classes: free times, travel, weeks that differ")
    check.login("demo.school")
    check.go("/ui/school")
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "#classes tbody tr")))
    check.shot("school-classes")
    d.find_element(By.CSS_SELECTOR, "#classes tbody tr a[href$='/edit']").click()
    check.wait(ec.presence_of_element_located((By.ID, "free-times")))
    check.shot("class-edit")
    exact = d.find_element(By.NAME, "exact2")
    exact.clear()
    exact.send_keys("11:30-08:00")
    d.find_element(By.CSS_SELECTOR, "#class-form button[type=submit]").click()
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "#free-times .field-error")))
    check.shot("class-edit-refused")
    exact = d.find_element(By.NAME, "exact2")
    exact.clear()
    exact.send_keys("08:00-11:30")
    d.find_element(By.CSS_SELECTOR, "#class-form button[type=submit]").click()
    check.text_shown("班级已保存", ".notice")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=en]").click()
    check.go("/ui/school/classes/new")
    check.text_shown("Add a class", "h1")
    check.shot("class-new-en")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=zh-CN]").click()
    check.text_shown("新增班级", "h1")
    teacher_courses(check)
    check.logout()
# --- groups and two teachers (分组 / 双师): the school's form in zh-CN and en, and a refusal named beside its field
def groups_form(check):
    d = check.driver
    check.step("school request form: groups and two teachers")
    check.login("demo.school")
    check.go("/ui/school")
    check.text_shown("分组与双师", "#groups")
    check.shot("school-groups-zh")
    check.set_value("f-course", "钳工实训")
    Select(d.find_element(By.ID, "f-cohort")).select_by_index(1)
    check.set_value("f-startDate", "2026-03-02")
    check.set_value("f-capability", "fitting.bench")
    Select(d.find_element(By.ID, "f-groupSplit")).select_by_value("size")
    check.set_value("f-groupNumber", "500")
    Select(d.find_element(By.ID, "f-groupMode")).select_by_value("rotation")
    # the rotation's stations and the mentor's skill are picked from the catalogue, not typed
    rotation = d.find_elements(By.CSS_SELECTOR, "#f-rotation select[name=rotation]")
    Select(rotation[0]).select_by_value("fitting.bench")
    Select(rotation[1]).select_by_value("cnc.lathe")
    d.find_element(By.CSS_SELECTOR, "#f-mentorSkills input[type=checkbox]").click()
    d.find_element(By.CSS_SELECTOR, "#school-form button[type=submit]").click()
    check.wait(ec.presence_of_element_located((By.ID, "e-groupNumber")))
    kept = [Select(s).first_selected_option.get_attribute("value")
            for s in d.find_elements(By.CSS_SELECTOR, "#f-rotation select[name=rotation]")]
    assert kept[:2] == ["fitting.bench", "cnc.lathe"], f"the rotation's order is kept: {kept}"
    check.shot("school-groups-refused-zh")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=en]").click()
    check.go("/ui/school")
    check.text_shown("Groups and teachers", "#groups")
    check.shot("school-groups-en")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=zh-CN]").click()
    check.logout()
# --- end of groups and two teachers
# --- CSV import (导入): a dry run of a file with a bad row, its report in zh-CN and en
def import_dry_run(check, user, kind, text, column, shot, also=None):
    """`user` (None: whoever is signed in) checks a GB18030 file of `kind` whose row 3 is bad, in
    zh-CN and en (the page is in their navigation): the report names row 3's `column`;
    `also(driver)` checks more. Signs out at the end."""
    d = check.driver
    path = os.path.abspath(os.path.join(SHOTS, f"import-{kind}.csv"))
    with open(path, "w", encoding="gb18030") as f:
        f.write(text)
    if user:
        check.login(user)
    for language in ("zh-CN", "en"):
        check.go("/ui/lang?to=" + language + "&back=%2Fui%2Fimports")
        check.wait(ec.presence_of_element_located((By.ID, "import-form")))
        assert d.find_elements(By.CSS_SELECTOR, "nav a[href='/ui/imports']"), f"{user} has the page in the navigation"
        Select(d.find_element(By.ID, "f-kind")).select_by_value(kind)
        d.find_element(By.ID, "f-file").send_keys(path)
        d.find_element(By.CSS_SELECTOR, "#import-form button[value=check]").click()
        check.wait(ec.presence_of_element_located((By.ID, "import-errors")))
        errors = d.find_element(By.ID, "import-errors").text
        assert column in errors and "3" in errors, f"the report names row 3's {column}: {errors}"
        if also:
            also(d)
        check.shot(f"{shot}-{language}")
    check.go("/ui/lang?to=zh-CN&back=%2Fui%2F")
    check.logout()


def imports(check):
    check.step("CSV import: dry-run report with a bad row")
    import_dry_run(check, "demo.manager", "resources", "名称,类型,座位数\r\n示例会议室,房间,20\r\n示例工位,工位池,六\r\n",
                   "seats", "import-report")

    def excel_link(d):
        link = d.find_element(By.ID, "export-requests-xlsx").get_attribute("href")
        assert link.endswith("/ui/exports/requests.xlsx"), f"an Excel export link: {link}"
    check.step("CSV import of requests: a school's dry run with a bad row; Excel download links")
    import_dry_run(check, "demo.school", "requests",
                   "名称,班级,课程,每周次数,周数,开始日期,每次分钟,能力\r\n"
                   "示例数控实训,数控2402班,数控车削,2,8,2026-03-02,120,cnc.lathe\r\n"
                   "示例焊接实训,数控2402班,机器人焊接,两次,8,2026-03-02,120,welding.robot\r\n",
                   "sessions_per_week", "import-requests-report", also=excel_link)
    check.login("demo.manager")
    check.go("/ui/timeline")
    link = check.wait(ec.presence_of_element_located((By.ID, "export-bookings-xlsx"))).get_attribute("href")
    assert "/ui/exports/bookings.xlsx?week=" in link, f"the week's bookings as Excel: {link}"
    check.shot("timeline-exports-zh-CN")
    check.logout()
# --- end of CSV import

# --- attendance (issue 15): the instructor's phone check-in page, a manager's correction, a class roster
def last_monday():
    """The Monday of last week in Asia/Shanghai, where the demo's past sessions lie."""
    import datetime
    today = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()
    return today - datetime.timedelta(days=today.weekday() + 7)


def attendance(check):
    d = check.driver
    check.step("attendance: the instructor's phone page")
    check.login("demo.instructor")
    check.go(f"/ui/me?week={last_monday().isoformat()}")
    link = check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "a[href^='/ui/sessions/']")))
    session = link.get_attribute("href")
    session = session[session.index("/ui/sessions/"):]
    check.go(session)
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, ".roster li")))
    d.set_window_size(390, 844)
    check.shot("attendance-phone-zh")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=en]").click()
    check.text_shown("All present", "#marks-form")
    check.shot("attendance-phone-en")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=zh-CN]").click()
    d.set_window_size(1366, 768)
    check.logout()

    check.step("attendance: a manager corrects a mark with a reason")
    check.login("demo.manager")
    check.go(session)
    first = check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "details.correction")))
    first.find_element(By.TAG_NAME, "summary").click()
    first.find_element(By.CSS_SELECTOR, "input[value=late] + span").click()
    first.find_element(By.CSS_SELECTOR, "input[name=reason]").send_keys("公交晚点，有证明")
    first.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    check.text_shown("已保存", ".notice")
    check.text_shown("公交晚点，有证明", ".roster")
    check.shot("attendance-corrected-zh")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=en]").click()
    check.text_shown("corrected", ".roster")
    check.shot("attendance-corrected-en")
    check.go("/ui/no-shows")
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "#no-shows tbody tr")))
    check.shot("no-shows-en")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=zh-CN]").click()
    check.logout()

    check.step("attendance: a class roster")
    check.login("demo.school")
    check.go("/ui/school")
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "#classes tbody tr a"))).click()
    check.wait(ec.presence_of_element_located((By.ID, "class-roster-link"))).click()
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "#roster tbody tr")))
    check.shot("class-roster-zh")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=en]").click()
    check.text_shown("Class roster", "h1")
    check.shot("class-roster-en")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=zh-CN]").click()
    check.logout()
# --- end of attendance

# --- the audit trail (issue 15): an auditor's home page and the read-only audit page
def audit_trail(check):
    d = check.driver
    check.step("audit trail: the auditor's home page points at the reports and the audit page")
    check.login("demo.auditor")
    check.wait(ec.presence_of_element_located((By.ID, "home-audit")))
    assert d.find_element(By.ID, "home-reports").get_attribute("href").endswith("/ui/reports")
    assert d.find_element(By.ID, "home-public-report").get_attribute("href").endswith("/ui/reports/public")
    check.shot("home-auditor-zh")
    check.step("audit trail: filtered by action and center, then by a bad action (zh-CN, en)")
    assert d.find_elements(By.CSS_SELECTOR, "header nav a[href='/ui/audit']"), "the audit page is not in the navigation"
    d.find_element(By.ID, "home-audit").click()
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "#audit-entries tbody tr")))
    check.shot("audit-zh")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=en]").click()
    check.text_shown("Audit trail", "h1")
    d.find_element(By.ID, "f-action").send_keys("create")
    Select(d.find_element(By.ID, "f-center")).select_by_index(1)
    d.find_element(By.CSS_SELECTOR, "#audit-filter button[type=submit]").click()
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "#audit-entries tbody tr")))
    actions = {cell.text for cell in d.find_elements(By.CSS_SELECTOR, "#audit-entries tbody td:nth-child(3)")}
    assert actions == {"create"}, actions
    check.shot("audit-filtered-en")
    field = d.find_element(By.ID, "f-action")
    field.clear()
    field.send_keys("Create!")
    d.find_element(By.CSS_SELECTOR, "#audit-filter button[type=submit]").click()
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "#audit-filter .error")))
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=zh-CN]").click()
    check.text_shown("审计记录", "h1")
    check.logout()
# --- end of the audit trail


# --- reports (issue 15)
def reports(check):
    """Reports of last week's demo sessions: the chooser, the utilisation heat map, the category
    shares against the policy, people trained, and the consortium's public report, in both languages."""
    d = check.driver
    monday = last_monday()
    sunday = monday + datetime.timedelta(days=6)
    period = f"from={monday}&to={sunday}"
    check.step("reports: a manager chooses last week and opens the utilisation heat map")
    check.login("demo.manager")
    check.go("/ui/reports")
    check.wait(ec.presence_of_element_located((By.ID, "report-chooser")))
    accessible(check)
    d.execute_script("document.getElementById('r-from').value = arguments[0];"
                     "document.getElementById('r-to').value = arguments[1];", str(monday), str(sunday))
    check.shot("reports-chooser-zh")
    d.find_element(By.ID, "show-utilisation").click()
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "#report-utilisation svg.chart rect.heat")))
    check.text_shown("设备利用率", "h1")
    check.shot("report-utilisation-zh")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=en]").click()
    check.text_shown("Utilisation", "h1")
    check.shot("report-utilisation-en")
    check.step("reports: category shares against the policy, people trained")
    check.go(f"/ui/reports/category-shares?{period}")
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "#report-category-shares svg.chart rect.bound")))
    check.shot("report-category-shares-en")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=zh-CN]").click()
    check.text_shown("类别占比", "h1")
    check.shot("report-category-shares-zh")
    check.go(f"/ui/reports/people?{period}")
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "#report-people svg.chart rect.bar")))
    check.shot("report-people-zh")
    check.step("reports: the consortium's public report, each figure linked to its rows")
    check.go(f"/ui/reports/public?{period}")
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "#indicator-studentsTrained a")))
    check.shot("public-report-zh")
    d.find_element(By.CSS_SELECTOR, "#indicator-studentsTrained a").click()
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "#report-people #categories")))
    check.logout()
    check.login("demo.auditor")
    check.go(f"/ui/reports/public?{period}&edition=public")
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "#indicator-studentsTrained")))
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=en]").click()
    check.text_shown("Indicators Praxis cannot compute", "#uncomputed")
    check.shot("public-report-en")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=zh-CN]").click()
    check.logout()


# --- calendar feeds (issue 16)
def calendar_feeds(check):
    """The instructor makes a feed of their own timetable: the address is shown once with a
    webcal:// link, the list asks before revoking; in Chinese, then in English."""
    d = check.driver
    check.step("calendar feeds: create, address shown, revoke asks first (zh-CN, en)")
    check.login("demo.instructor")
    for language, revoked in (("zh-CN", "已撤销"), ("en", "Revoked")):
        if language == "en":
            d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=en]").click()
            check.text_shown("Calendar feeds", "nav")
        check.go("/ui/feeds")
        check.wait(ec.presence_of_element_located((By.ID, "feed-form")))
        Select(d.find_element(By.ID, "f-subject")).select_by_value("mine")
        d.find_element(By.CSS_SELECTOR, "#feed-form button[type=submit]").click()
        check.wait(ec.presence_of_element_located((By.ID, "feed-issued")))
        url = d.find_element(By.ID, "feed-url").get_attribute("value")
        assert "/feeds/pxf_" in url and url.endswith(".ics"), url
        assert d.find_element(By.ID, "feed-webcal").get_attribute("href").startswith("webcal://")
        check.shot(f"feeds-created-{language}")
        d.find_element(By.CSS_SELECTOR, "#feeds a.revoke").click()
        check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "#feeds form.confirm")))
        check.shot(f"feeds-revoke-asks-{language}")
        d.find_element(By.CSS_SELECTOR, "#feeds form.confirm button[type=submit]").click()
        check.text_shown(revoked, "#feeds")
        check.shot(f"feeds-revoked-{language}")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=zh-CN]").click()
    check.text_shown("日历订阅", "nav")
    check.logout()
# --- end of calendar feeds


# --- daily use (issue 19): center context, the inbox deciding, safe booking, error pages, accessibility
def switch_center(check, name):
    d = check.driver
    Select(d.find_element(By.ID, "workplace-center")).select_by_visible_text(name)
    d.find_element(By.CSS_SELECTOR, ".workplace button[type=submit]").click()
    # read while the redirect replaces the page, the select may go stale: read again until the time-out
    WebDriverWait(d, 20, ignored_exceptions=(WebDriverException,)).until(
        lambda driver: "notice=workplaceChosen" in driver.current_url
        and Select(driver.find_element(By.ID, "workplace-center")).first_selected_option.text == name)


def accessible(check):
    """Every input, select and textarea of the page has a label, an aria-label or is hidden."""
    unlabelled = check.driver.execute_script("""
        return [...document.querySelectorAll('input, select, textarea')].filter(e => e.type !== 'hidden'
            && !e.labels?.length && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
            .map(e => e.name || e.id)""")
    assert not unlabelled, f"inputs without a label on {check.driver.current_url}: {unlabelled}"


def contrast(check):
    """The main colour pairs of app.css meet WCAG AA (4.5:1 for text)."""
    import re
    css = open(os.path.join(os.path.dirname(__file__), "../../Sources/WebUI/Resources/static/app.css")).read()
    colours = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})", css))

    def luminance(hex_colour):
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    def ratio(a, b):
        high, low = sorted((luminance(a), luminance(b)), reverse=True)
        return (high + 0.05) / (low + 0.05)

    pairs = [(colours["ink"], colours["paper"]), (colours["muted"], colours["paper"]), (colours["accent"], colours["paper"]),
             (colours["accent-ink"], colours["accent"]), (colours["error"], colours["paper"]), (colours["ok"], colours["paper"]),
             ("#ffffff", "#0d2440"), (colours["muted"], colours["tint"])]
    weak = [(a, b, round(ratio(a, b), 2)) for a, b in pairs if ratio(a, b) < 4.5]
    assert not weak, f"colour pairs below 4.5:1: {weak}"


def daily_use(check):
    d = check.driver
    check.step("contrast of the main colours")
    contrast(check)
    main_center, second_center = "潍坊智能制造产教融合实践中心", "潍坊滨海实训基地"
    check.step("center context: a school coordinator with two centers switches from the header")
    check.login("demo.school")
    check.go("/ui/school")
    check.wait(ec.presence_of_element_located((By.ID, "workplace-center")))
    assert Select(d.find_element(By.ID, "workplace-center")).first_selected_option.text == main_center
    switch_center(check, second_center)
    check.go("/ui/school")
    check.text_shown("滨海", "#own-requests")
    check.shot("center-second-school-zh")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=en]").click()
    check.text_shown("Center:", ".workplace")
    check.shot("center-second-school-en")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=zh-CN]").click()
    check.wait(ec.presence_of_element_located((By.ID, "workplace-center")))
    switch_center(check, main_center)
    check.logout()

    check.step("the inbox decides three requests at once (admin at the second center)")
    check.login("demo.admin")
    check.go("/ui/requests?state=submitted")
    switch_center(check, second_center)
    check.go("/ui/requests?state=submitted")
    check.wait(ec.presence_of_element_located((By.ID, "bulk")))
    accessible(check)
    picks = d.find_elements(By.CSS_SELECTOR, "#requests input[name=pick]")
    assert len(picks) >= 3 and d.find_element(By.ID, "inbox-count").text == str(len(picks)), "the count does not match the list"
    assert d.find_elements(By.CSS_SELECTOR, "#requests .competing"), "no competing requests shown"
    for pick in picks[:3]:
        pick.click()
    d.find_element(By.ID, "bulk-reason").send_keys("滨海基地本月车床检修，顺延")
    check.shot("inbox-three-ticked-zh")
    d.find_element(By.CSS_SELECTOR, "#bulk button[value=waitlist]").click()
    check.text_shown("所勾选的申请已全部处理", ".notice")
    check.go("/ui/requests?state=wait_listed")
    check.wait(lambda driver: len(driver.find_elements(By.CSS_SELECTOR, "#requests input[name=pick]")) == 3)
    check.shot("inbox-decided-zh")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=en]").click()
    check.text_shown("Decide several at once", "#bulk")
    check.shot("inbox-decided-en")
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=zh-CN]").click()
    check.wait(ec.presence_of_element_located((By.ID, "workplace-center")))
    switch_center(check, main_center)
    check.logout()

    check.step("a booking in the past, pilot production for a school, or 500 on one machine: refused beside the field")
    check.login("demo.manager")
    check.go("/ui/timeline?week=" + WEEK)
    row = d.find_elements(By.CSS_SELECTOR, "table.timeline tbody tr")[0]
    row.find_elements(By.CSS_SELECTOR, ".hours a")[0].click()
    check.wait(ec.visibility_of_element_located((By.ID, "book-form")))
    Select(d.find_element(By.ID, "f-organization")).select_by_visible_text("潍坊职业学院")
    Select(d.find_element(By.ID, "f-category")).select_by_value("pilot_production")
    d.find_element(By.ID, "f-title").send_keys("不该预订")
    d.find_element(By.CSS_SELECTOR, "#book-form button[type=submit]").click()
    check.wait(ec.presence_of_element_located((By.ID, "e-from")))
    accessible(check)
    check.shot("booking-refused-past-zh")
    check.go("/ui/")  # the refused form stays open in its dialog, over the header's sign-out
    check.logout()

    check.step("error pages keep the frame; the favicon is public; keyboard-only sign-in")
    check.go("/favicon.ico")
    check.go("/ui/login")
    d.find_element(By.ID, "username").send_keys("demo.school")
    d.find_element(By.ID, "password").send_keys(PASSWORD + "\n")
    check.text_shown("demo.school", ".account")
    check.go("/ui/timeline")
    check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "section.problem")))
    assert d.find_elements(By.CSS_SELECTOR, "header nav a"), "the error page lost the navigation"
    check.shot("error-in-frame-zh")
    check.logout()
# --- end of daily use


def notices(check):
    """The manager's notices (the demo's submitted requests told them) with the unread count in the
    header, marking all read, and the notice settings and webhooks pages: zh-CN, then en."""
    check.step("notices, notice settings and webhooks (zh-CN, en)")
    check.login("demo.manager")
    d = check.driver
    assert d.find_elements(By.CSS_SELECTOR, "#notices-link .badge"), "no unread count in the header"
    for language, word in (("zh-CN", "通知"), ("en", "Notices")):
        if language == "en":
            d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=en]").click()
            check.text_shown(word, ".account")
        check.go("/ui/notices")
        check.wait(ec.presence_of_element_located((By.CSS_SELECTOR, "#notices li")))
        check.shot(f"notices-{language}")
        check.go("/ui/notices/settings")
        check.wait(ec.presence_of_element_located((By.ID, "notice-settings")))
        check.shot(f"notice-settings-{language}")
    d.find_element(By.ID, "save-settings").click()
    check.text_shown("Notice settings saved", "main")
    check.go("/ui/notices")
    d.find_element(By.ID, "read-all").click()
    check.text_shown("Marked read", "main")
    assert not d.find_elements(By.CSS_SELECTOR, "#notices-link .badge"), "unread count after marking all read"
    d.find_element(By.CSS_SELECTOR, "a.lang[hreflang=zh-CN]").click()
    check.text_shown("通知", ".account")
    check.logout()
    check.login("demo.enterprise")
    check.go("/ui/webhooks")
    check.wait(ec.presence_of_element_located((By.ID, "webhook-form")))
    check.shot("webhooks-zh-CN")
    # in the same session: the browser-check's logins are near the throttle's 30 an address in 15 min
    check.step("CSV import of upskilling requests: an enterprise's dry run with a bad row")
    import_dry_run(check, None, "upskilling",
                   "课程,人数,技能,总学时,每次分钟,最早日期,最晚日期,可上课时间\r\n"
                   "示例数控车工提升,12,cnc.lathe,24,180,2026-03-01,2026-04-30,周一晚上;周三晚上\r\n"
                   "示例数控编程,8,cnc.lathe,二十,120,2026-03-01,2026-04-30,周六08:00-17:00\r\n",
                   "total_hours", "import-upskilling-report")


def main():
    os.makedirs(SHOTS, exist_ok=True)
    driver = browser()
    check = Check(driver)
    try:
        manager(check)
        displacement(check)
        catalogue(check)
        periods(check)
        quotas(check)
        shared_courses(check)
        other_roles(check)
        editing(check)
        terms_and_holidays(check)
        school_classes(check)
        groups_form(check)
        attendance(check)
        audit_trail(check)
        reports(check)
        imports(check)
        calendar_feeds(check)
        daily_use(check)
        notices(check)
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
