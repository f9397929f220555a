"""The page of `kyoso serve` in a real browser (headless Chromium through Selenium): load it,
fill a profile, see the ranking, open an explanation, switch to English, reload the shared
link, diagnose by keyboard, run the budget what-if. Fails on any JavaScript console error.
Screenshots go to SCREENSHOTS (look at them: Japanese must render).

    browser_test.py KYOSO SCREENSHOTS

Needs chromium, chromium-driver and python3-selenium (Debian; `make test` installs them).
Without them it says so and exits 77, which CTest reports as skipped.
"""

from __future__ import annotations

import json
import shutil
import sys
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from running import Server  # noqa: E402

SKIPPED = 77
missing = [name for name in ("chromium", "chromedriver") if not shutil.which(name)]
try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    missing.append("python3-selenium")

PROFILE = "mission=regional-revitalization&goal=social-implementation&holds=j-peaks"


def browser() -> "webdriver.Chrome":
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1440,1000", "--lang=ja"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


def main() -> int:
    if missing:
        print("SKIPPED: the browser test needs " + ", ".join(missing) +
              " (Debian: chromium chromium-driver python3-selenium; `make test` installs them)")
        return SKIPPED
    kyoso, shots = sys.argv[1], Path(sys.argv[2])
    shots.mkdir(parents=True, exist_ok=True)
    with Server(kyoso) as server:
        def api(target: str) -> dict:
            status, _, body = server.get(target)
            assert status == 200, (target, status, body)
            return json.loads(body)

        fit = api("/api/v1/fit?" + PROFILE)
        first = fit["results"][0]
        explained = api(f"/api/v1/explain?program={first['id']}&" + PROFILE)["result"]
        driver = browser()
        wait = WebDriverWait(driver, 20)
        try:
            driver.get(server.url + "/")
            wait.until(lambda d: len(Select(d.find_element(By.ID, "mission")).options) > 1)
            assert "研究大学" in driver.find_element(By.TAG_NAME, "h1").text

            # The page starts from the university: find it by name, pick it, see its ranking.
            by_university = api("/api/v1/fit?university=university/iwate")
            driver.find_element(By.ID, "university-text").send_keys("岩手", Keys.ENTER)
            wait.until(lambda d: d.find_elements(
                By.CSS_SELECTOR, "#university-matches button[data-university='university/iwate']"))
            driver.find_element(
                By.CSS_SELECTOR, "#university-matches button[data-university='university/iwate']").click()
            wait.until(lambda d: "岩手大学" in d.find_element(By.ID, "university-chosen").text)
            wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#ranking-table tbody tr")) ==
                       len(by_university["results"]) and by_university["results"][0]["name"]["ja"] in
                       d.find_element(By.CSS_SELECTOR, "#ranking-table tbody tr").text)
            assert "university=university%2Fiwate" in driver.current_url, driver.current_url
            # Its derived profile is shown, each part as the API's document gives it.
            derived = driver.find_element(By.ID, "derived").text
            for fact in by_university["university"]["facts"]:
                assert fact["text"]["ja"] in derived, (fact["text"]["ja"], derived)
            assert "地方創生に貢献することを主なるミッションとしている大学" in derived, derived
            driver.save_screenshot(str(shots / "university-ja.png"))
            driver.find_element(By.ID, "university-clear").click()
            assert "university=" not in driver.current_url
            wait.until(lambda d: d.find_element(By.ID, "derived").text == "")

            # A profile, as a person fills it in.
            Select(driver.find_element(By.ID, "mission")).select_by_value(
                "mission/regional-revitalization")
            driver.find_element(
                By.CSS_SELECTOR, "input[name=goal][value='purpose/social-implementation']").click()
            Select(driver.find_element(By.ID, "holds")).select_by_value("program/j-peaks")
            driver.find_element(By.ID, "rank").click()
            wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "#ranking-table tbody tr")))
            rows = driver.find_elements(By.CSS_SELECTOR, "#ranking-table tbody tr")
            assert len(rows) == len(fit["results"]), (len(rows), len(fit["results"]))
            eligibility = {"eligible": "応募可", "conditional": "条件付き",
                           "not-eligible": "対象外", "unknown": "不明"}
            for row, result in zip(rows, fit["results"]):
                assert result["name"]["ja"] in row.text, (row.text, result["name"])
                assert eligibility[result["eligibility"]] in row.text, (row.text, result["id"])
            held = next(r for r in fit["results"] if r["id"] == "program/j-peaks")
            assert held["eligibility"] == "not-eligible", held
            assert f"{first['score']:.2f}" in rows[0].text
            query = urllib.parse.parse_qs(urllib.parse.urlparse(driver.current_url).query)
            assert query["mission"] == ["mission/regional-revitalization"], query
            assert query["holds"] == ["program/j-peaks"], query
            driver.save_screenshot(str(shots / "ranking-ja.png"))

            # Its explanation: the bars add up to the score, each path with its quotes, a picture.
            rows[0].find_element(By.TAG_NAME, "button").click()
            wait.until(lambda d: d.find_element(By.ID, "explained-score").text ==
                       f"{explained['score']:.3f}")
            segments = driver.find_elements(By.CSS_SELECTOR, "#explanation .scorebar span")
            assert len(segments) == sum(c["contribution"] > 0 for c in explained["criteria"])
            bar = driver.find_element(By.CSS_SELECTOR, "#explanation .scorebar")
            filled = sum(s.size["width"] for s in segments) / bar.size["width"]
            assert abs(filled - explained["score"]) < 0.02, (filled, explained["score"])
            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#eligibility-paths .path"))
            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#explanation blockquote"))
            picture = driver.find_element(By.CSS_SELECTOR, "#explanation .picture img")
            wait.until(lambda d: d.execute_script(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", picture))
            driver.execute_script("arguments[0].scrollIntoView()",
                                  driver.find_element(By.ID, "explanation"))
            driver.save_screenshot(str(shots / "explanation-ja.png"))

            # English, and the link a person would share.
            driver.find_element(By.ID, "lang-en").click()
            wait.until(lambda d: "Program fit" in d.find_element(By.ID, "tab-fit").text)
            wait.until(lambda d: first["name"]["en"] in
                       d.find_element(By.CSS_SELECTOR, "#ranking-table tbody tr").text)
            link = driver.current_url
            assert "lang=en" in link and "program=" in link, link
            driver.get(link)
            wait.until(lambda d: d.find_element(By.ID, "explained-score").text ==
                       f"{explained['score']:.3f}")
            assert first["name"]["en"] in driver.find_element(By.CSS_SELECTOR, "#explanation h2").text
            driver.save_screenshot(str(shots / "explanation-en.png"))

            # Diagnose by keyboard alone: arrow to the tab, tab to the stage, Enter.
            tab = driver.find_element(By.ID, "tab-fit")
            tab.send_keys(Keys.ARROW_RIGHT)
            wait.until(lambda d: d.find_element(By.ID, "tab-diagnose").get_attribute(
                "aria-selected") == "true")
            Select(driver.find_element(By.ID, "diagnose-stage")).select_by_value("stage/1")
            driver.find_element(By.ID, "diagnose").send_keys(Keys.ENTER)
            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#diagnosis .card"))
            diagnosis = api("/api/v1/diagnose?stage=stage/1")
            cards = driver.find_elements(By.CSS_SELECTOR, "#diagnosis .card")
            assert len(cards) == len(diagnosis["results"])

            # The budget what-if, with Monte Carlo runs: two lines and their bands.
            driver.find_element(By.ID, "tab-diagnose").send_keys(Keys.ARROW_RIGHT)
            wait.until(lambda d: d.find_element(By.ID, "budget").get_attribute("value"))
            budget = driver.find_element(By.ID, "budget")
            budget.clear()
            budget.send_keys("80")
            runs = driver.find_element(By.ID, "runs")
            runs.clear()
            runs.send_keys("50")
            driver.find_element(By.ID, "simulate").click()
            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#whatif-chart polyline"))
            assert len(driver.find_elements(By.CSS_SELECTOR, "#whatif-chart polyline")) == 2
            assert len(driver.find_elements(By.CSS_SELECTOR, "#whatif-chart polygon")) == 2
            assert "budget=80" in driver.current_url
            driver.save_screenshot(str(shots / "whatif-en.png"))
            driver.find_element(By.ID, "lang-ja").click()
            wait.until(lambda d: "予算" in d.find_element(By.ID, "tab-whatif").text)
            driver.save_screenshot(str(shots / "whatif-ja.png"))

            errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
            assert not errors, errors
        finally:
            driver.quit()
        status = server.stop()
        assert status == 0, status
    print("browser test passed; screenshots in", shots)
    return 0


if __name__ == "__main__":
    sys.exit(main())
