"""Mutated requests for scripts/bad-input-check.

    mutate.py BASE_URL TOKEN SEED PER_ENDPOINT

Starts from valid bodies built from the demo center (a booking, each kind of request, maintenance,
opening hours, a closure, a year's calendar days, a resource, an instructor, a plan, an
organization, a cohort, a center, the policy), sends each once as built (it must be accepted),
then PER_ENDPOINT mutations of each: values
swapped for odd ones (empty, huge, negative, wrong type, NUL, year 0 or 9999, impossible dates and
times), keys dropped or added, lists repeated; plus malformed bodies and odd query strings. Every
answer must be below 500, and every 4xx must be application/problem+json with a type and a title.
Prints one line per failure and a summary; exits 1 when anything failed.
"""
import copy
import json
import random
import sys
import urllib.error
import urllib.request

BASE, TOKEN, SEED, PER = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])

ODD = [
    None, "", " ", "x", 0, -1, 2**31, 2**53, -(2**63), 1.5, 1e308, True, [], {}, [None], {"a": 1},
    "0000-01-01", "9999-12-31", "2026-02-30", "２０２６-03-02", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
    "+999999-01-01T00:00:00Z", "2026-03-02T08:00:00", "25:00", "24:00", "-1:00",
    "00000000-0000-0000-0000-000000000000", "a" * 3000, "\u0000", "a\u0000b", "line\nbreak", "NaN", "null",
]


def call(method, path, body=None, raw=None, headers=None):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    sent = {"Authorization": "Bearer " + TOKEN, "Content-Type": "application/json"}
    sent.update(headers or {})
    request = urllib.request.Request(BASE + path, data=data, method=method, headers=sent)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def get(path):
    status, _, body = call("GET", path)
    assert status == 200, f"GET {path}: {status}"
    return json.loads(body)


def mutate(value, rng):
    if isinstance(value, dict):
        value = dict(value)
        for key in list(value):
            roll = rng.random()
            if roll < 0.12:
                value[key] = rng.choice(ODD)
            elif roll < 0.17:
                del value[key]
            elif roll < 0.5:
                value[key] = mutate(value[key], rng)
        if rng.random() < 0.05:
            value["unexpected"] = rng.choice(ODD)
        return value
    if isinstance(value, list):
        value = [mutate(item, rng) if rng.random() < 0.5 else item for item in value]
        if rng.random() < 0.1:
            value.append(rng.choice(ODD))
        if rng.random() < 0.05:
            value = value * 50
        return value
    return rng.choice(ODD) if rng.random() < 0.3 else value


def templates():
    center = next(c for c in get("/centers?limit=500")["items"] if "潍坊" in c["name"])
    cid = center["id"]
    resources = get(f"/centers/{cid}/resources?limit=100")["items"]
    requests = get(f"/centers/{cid}/requests?limit=200")["items"]
    firsts = {}
    for request in requests:
        firsts.setdefault(request["category"], request)
    school = firsts["student_training"]["organizationId"]
    machine = next(r for r in resources if r["kind"] == "equipment_line")["id"]
    status, headers, body = call("GET", f"/centers/{cid}/policy")
    found = [
        ("POST", f"/centers/{cid}/bookings", {
            "organizationId": school, "category": "student_training", "title": "实训", "start": "2031-03-04T09:00:00+08:00",
            "end": "2031-03-04T11:00:00+08:00", "resources": [{"resourceId": machine}], "participants": 1}, {}),
        ("POST", f"/resources/{machine}/maintenance", {"start": "2031-03-02T12:00:00+08:00", "end": "2031-03-02T14:00:00+08:00", "reason": "保养"}, {}),
        ("PUT", f"/centers/{cid}/opening-hours", {"items": [{"weekday": 1, "opens": "08:00", "closes": "12:00"}]}, {}),
        ("POST", f"/centers/{cid}/closures", {"from": "2031-05-11", "to": "2031-05-12", "reason": "演练"}, {}),
        ("PUT", "/calendar-days/2031", {"items": [
            {"date": "2031-10-01", "kind": "public_holiday", "name": "国庆节"},
            {"date": "2031-10-11", "kind": "makeup_workday", "name": "调休", "followsWeekday": 5}]}, {}),
        ("POST", f"/centers/{cid}/resources", {"kind": "equipment_line", "name": "检查设备", "seats": 1, "capabilities": ["cnc.lathe"], "parentId": machine}, {}),
        ("POST", f"/centers/{cid}/instructors", {
            "organizationId": school, "name": "检查老师", "postType": "fixed", "weeklyHourCap": 16,
            "skills": [{"skill": "plc", "expiresOn": "2027-06-30"}], "availability": [{"weekday": 2, "from": "08:00", "to": "12:00"}]}, {}),
        ("POST", f"/centers/{cid}/plans", {"horizon": {"from": "2026-03-02", "to": "2026-03-08"}, "timeLimitSeconds": 0.5}, {}),
        ("POST", f"/centers/{cid}/catalogue", {"tag": "check.tag", "labelZh": "检查", "labelEn": "Check", "kind": "skill", "description": "检查"}, {}),
        ("POST", "/organizations", {"name": "检查企业", "kind": "sme"}, {}),
        ("POST", f"/centers/{cid}/terms", {"name": "2031秋季学期", "firstDay": "2031-09-01", "weeks": 18,
                                           "weeksOff": [{"week": 18, "name": "考试周"}]}, {}),
        ("POST", f"/organizations/{school}/cohorts", {"name": "检查班", "size": 30, "availability": {
            "freeAnyTime": True, "weeks": [{"weekOf": "2031-06-30", "note": "考试周"}], "travelMinutes": 30}}, {}),
        ("POST", "/centers", {"name": "检查中心", "operatorId": center["operatorId"], "slotMinutes": 30, "timeZone": "Asia/Shanghai"}, {}),
        ("POST", "/feeds", {"kind": "resource", "subjectId": machine}, {}),
    ]
    if status == 200:
        found.append(("PUT", f"/centers/{cid}/policy", json.loads(body), {"If-Match": headers["ETag"]}))
    # editing and onboarding (each edit at the version just read)
    teacher = get(f"/centers/{cid}/instructors?limit=1")["items"][0]
    organization = get(f"/organizations/{school}")
    submitted = next(r for r in requests if r["state"] == "submitted")
    found += [
        ("POST", f"/centers/{cid}/onboardings", {"name": "检查中小企业", "kind": "sme", "username": "check.sme", "displayName": "检查员"}, {}),
        ("PATCH", f"/instructors/{teacher['id']}", {
            "weeklyHourCap": 20, "skills": [{"skill": "plc", "expiresOn": "2031-06-30"}],
            "leave": [{"first": "2031-04-13", "last": "2031-04-17", "note": "年假"}]}, {"If-Match": f'"{teacher["version"]}"'}),
        ("PATCH", f"/organizations/{school}", {"name": organization["name"], "kind": organization["kind"]}, {"If-Match": f'"{organization["version"]}"'}),
        ("PATCH", f"/requests/{submitted['id']}", {"title": submitted["title"]}, {"If-Match": f'"{submitted["version"]}"'}),
    ]
    # a booking given in bell periods, then the demo's periods replaced at their version: both
    # before the opening hours are cut down to a Monday morning, the periods after the booking (a
    # mutated replacement that passes may change the periods it names)
    periods = [("POST", f"/centers/{cid}/bookings", {
        "organizationId": school, "category": "student_training", "title": "按节实训", "date": "2031-03-05",
        "fromPeriod": 5, "toPeriod": 6, "resources": [{"resourceId": machine}], "participants": 1}, {})]
    status, headers, body = call("GET", f"/centers/{cid}/periods")
    if status == 200:
        periods.append(("PUT", f"/centers/{cid}/periods", json.loads(body), {"If-Match": headers["ETag"]}))
    found[1:1] = periods
    # a weekly series, previewed (a mutation may confirm it, or clash)
    found.insert(1, ("POST", f"/centers/{cid}/booking-series", {"booking": {
        "organizationId": school, "category": "student_training", "title": "每周实训", "start": "2031-03-11T09:00:00+08:00",
        "end": "2031-03-11T11:00:00+08:00", "resources": [{"resourceId": machine}], "participants": 1},
        "weeks": 3, "preview": True, "onClash": "skip"}, {}))
    for request in firsts.values():
        found.append(("POST", f"/centers/{cid}/requests", {k: request[k] for k in ["category", "organizationId", "title", "details"]}, {}))
    # the demo's upskilling course of parts taught by its enterprise's own trainers, and an outcome
    # with a certificate number for one of the named participants of an upskilling course
    course = next(r for r in requests if r["details"].get("parts"))
    found.append(("POST", f"/centers/{cid}/requests", {k: course[k] for k in ["category", "organizationId", "title", "details"]}, {}))
    named = next(p for r in requests if r["category"] == "employee_upskilling"
                 for p in get(f"/requests/{r['id']}/participants")["items"])
    found.append(("PUT", f"/participants/{named['id']}/outcome",
                  {"completed": True, "achievement": "合格", "certificateNumber": "ZS-CHK-001"}, {}))
    # a named seat of the demo's dated course on sale, replaced (once replaced, the mutations meet a withdrawn person)
    seat = next(r for r in requests if r["title"].startswith("工业机器人运维") and r["details"].get("courseRequestId"))
    person = get(f"/requests/{seat['id']}/participants")["items"][0]
    found.append(("POST", f"/participants/{person['id']}/replacement",
                  {"name": "检查学员", "number": "CHK01", "position": "电工"}, {}))
    queries = [
        f"/centers/{cid}/bookings?from=FROM&to=TO&limit=LIMIT&offset=OFFSET&status=STATUS",
        f"/resources/{machine}/timetable?from=FROM&to=TO",
        f"/centers/{cid}/requests?limit=LIMIT&offset=OFFSET&state=STATUS",
        f"/centers/{cid}/exports/timetable.csv?subject=resource&id={machine}&from=FROM&to=TO",
        f"/centers/{cid}/exports/requests.csv?state=STATUS",
        f"/centers/{cid}/exports/bookings.xlsx?from=FROM&to=TO&category=STATUS&resource={machine}",
        f"/centers/{cid}/exports/attendance.csv?from=FROM&to=TO",
        f"/centers/{cid}/exports/roster.xlsx?session=STATUS",
    ]
    return cid, found, queries


def refused_bookings(found):
    """A person's direct booking follows the planner's rules: each of these must be 422 naming the field and rule."""
    method, path, valid, _ = found[0]
    cases = [
        ({"start": "2020-03-04T09:00:00+08:00", "end": "2020-03-04T11:00:00+08:00"}, "/start", "past"),
        ({"category": "pilot_production"}, "/category", "categoryForOrganization"),
        ({"participants": 500}, "/participants", "seats"),
    ]
    series = next(entry for entry in found if entry[1].endswith("/booking-series"))
    cases += [({"weeks": weeks, "until": until}, field, rule, series) for weeks, until, field, rule in [
        (0, None, "/weeks", "range"), (53, None, "/weeks", "range"), (None, None, "/weeks", "oneOf"),
        (None, "2031-03-01", "/until", "afterStart"), (None, "2032-06-01", "/until", "range")]]
    failures = []
    for change, field, rule, *template in cases:
        if template:
            method, path, valid, _ = template[0]
            change = {k: v for k, v in change.items() if v is not None}
            valid = {k: v for k, v in valid.items() if k != "weeks"}
        status, headers, body = call(method, path, {**copy.deepcopy(valid), **change})
        problem = json.loads(body) if status == 422 else {}
        if status != 422 or problem.get("field") != field or problem.get("rule") != rule:
            failures.append(f"{status} for a booking that breaks {rule} (expected 422 {field}): {body[:300]!r}")
    return failures


def refused_exports(cid):
    """An unknown export kind or format and a backward period: each must be 422 naming the field and rule."""
    cases = [
        ("planets.csv", "file", "enum"), ("bookings.pdf", "format", "enum"),
        ("bookings.xlsx?from=2031-03-09T00:00:00Z&to=2031-03-02T00:00:00Z", "to", "range"),
        ("attendance.csv?from=2031-03-02T00:00:00Z", "to", "required"),
    ]
    failures = []
    for file, field, rule in cases:
        status, headers, body = call("GET", f"/centers/{cid}/exports/{file}")
        problem = json.loads(body) if status == 422 else {}
        if status != 422 or problem.get("field") != field or problem.get("rule") != rule:
            failures.append(f"{status} for the export {file} (expected 422 {field} {rule}): {body[:300]!r}")
    return failures


def main():
    rng = random.Random(SEED)
    cid, found, queries = templates()
    failures, sent = refused_bookings(found) + refused_exports(cid), 7

    def check(method, path, status, headers, body, what):
        nonlocal sent
        sent += 1
        kind = (headers.get("Content-Type") or "").split(";")[0]
        if status >= 500:
            failures.append(f"{status} {method} {path} {what[:300]}")
        elif status >= 400:
            problem = json.loads(body) if kind == "application/problem+json" else None
            if not problem or "type" not in problem or "title" not in problem:
                failures.append(f"{status} without problem+json: {method} {path} {what[:300]}")

    for method, path, valid, headers in found:
        # the body as built must be accepted, or its mutations would only test decoding
        status, answer_headers, answer = call(method, path, copy.deepcopy(valid), headers=headers)
        sent += 1
        if not 200 <= status < 300:
            failures.append(f"{status} for the unmutated template: {method} {path} {answer[:300]!r}")
        if method == "PUT" and "ETag" in (answer_headers or {}):
            headers = {**headers, "If-Match": answer_headers["ETag"]}
        for _ in range(PER):
            body = mutate(copy.deepcopy(valid), rng)
            status, answer_headers, answer = call(method, path, body, headers=headers)
            check(method, path, status, answer_headers, answer, json.dumps(body, ensure_ascii=False))
    for raw in [b"{", b"[]", b"null", b"\xff\xfe", b'{"start": "2026', b'{"a":' + b"[" * 5000 + b"]" * 5000 + b"}"]:
        for method, path, _, headers in found:
            status, answer_headers, answer = call(method, path, raw=raw, headers=headers)
            check(method, path, status, answer_headers, answer, repr(raw[:40]))
    values = {
        "FROM": ["2026-03-02T00:00:00Z", "0000-01-01T00:00:00Z", "x", "2026-03-02T00:00:00%2B08:00", ""],
        "TO": ["2026-03-09T00:00:00Z", "9999-12-31T23:59:59Z", "2025-01-01T00:00:00Z", ""],
        "LIMIT": ["10", "0", "-1", "999999999999999999999", "x"],
        "OFFSET": ["0", "-5", "99999999999", "1.5"],
        "STATUS": ["confirmed", "submitted", "x", ""],
    }
    for template in queries:
        for _ in range(PER):
            path = template
            for name, choices in values.items():
                path = path.replace(name, rng.choice(choices))
            status, answer_headers, answer = call("GET", path)
            check("GET", path, status, answer_headers, answer, "")
    # --- CSV import: dry runs of mutated files of every kind (answers: 200 with a report, or a problem)
    files = {
        "resources": "名称,类型,座位数,能力,所属\n检查车间,车间,40,,\n检查车床,设备线,1,cnc.lathe,检查车间\n",
        "instructors": "name,organization,post_type,weekly_hour_cap,skills,availability\n检查老师,X,fixed,16,plc:2027-06-30,Mon AM\n",
        "classes": "school,name,size,free_times,travel_minutes\nX,检查班,30,周一上午;Wed 08:00-11:30,20\n",
        "holidays": "date,kind,holiday,follows_weekday\n2031-10-01,holiday,国庆节,\n2031-10-11,makeup_workday,国庆节,5\n",
        "requests": "organization,title,class,course,sessions_per_week,weeks,start_date,session_minutes,capability,"
                    "preferred_weekdays,submit\nX,检查实训,数控2301班,数控车削,2,8,2031-03-03,120,cnc.lathe,周一;3,是\n",
        "participants": "request,name,number,phone\n检查课程,陈工,E1001,138 0000 0000\n",
    }
    for kind, text in files.items():
        rows = [line.split(",") for line in text.strip().split("\n")]
        for _ in range(PER):
            cells = [[rng.choice(ODD) if rng.random() < 0.2 else cell for cell in row] for row in rows]
            body = "\n".join(",".join(str(cell) for cell in row) for row in cells)
            encoding = rng.choice(["utf-8", "utf-8-sig", "gb18030"])
            raw = body.encode(encoding, errors="replace")
            path = f"/centers/{cid}/imports/{kind}?dryRun=true"
            status, answer_headers, answer = call("POST", path, raw=raw, headers={"Content-Type": "text/csv"})
            check("POST", path, status, answer_headers, answer, body)
        for raw in [b"", b"\xef\xbb\xbf", b"\xff\xfe\x00n", b'name,kind\n"open', b"a,a\n", b"\n\n\n", b"," * 100000]:
            path = f"/centers/{cid}/imports/{kind}?dryRun=true"
            status, answer_headers, answer = call("POST", path, raw=raw, headers={"Content-Type": "text/csv"})
            check("POST", path, status, answer_headers, answer, repr(raw[:40]))
    # --- end of CSV import
    for failure in failures[:40]:
        print("bad-input-check:", failure)
    print(f"bad-input-check: {sent} requests, {len(failures)} failures (seed {SEED})")
    sys.exit(1 if failures else 0)


main()
