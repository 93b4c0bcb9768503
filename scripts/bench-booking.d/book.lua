-- wrk script for scripts/bench-booking: every request POSTs a direct booking.
--
--   wrk -t T ... -s book.lua URL -- RESOURCE_FILE ORGANIZATION_ID BASE_EPOCH T [same]
--
-- BOOK_TOKEN in the environment is the API token sent with every request.
-- RESOURCE_FILE holds one resource id per line (N of them). Request i of thread t has the number
-- k = i * T + t and books resource k mod N for the 30-minute slot k div N after BASE_EPOCH, so no
-- two requests of a run ask for the same resource at the same time: every request should get 201.
-- With "same", every request asks for the first resource at BASE_EPOCH (a clash test: one 201,
-- every other answer 409). With BOOK_DELAY_MS set in the environment, each connection waits that
-- long on average (see delay() below) before each request: a paced load of about
-- connections × 1000 / (BOOK_DELAY_MS + latency) requests per second. done() prints one line:
-- RESULT key=value ...

local threads = {}

function setup(thread)
    thread:set("tindex", #threads)
    table.insert(threads, thread)
end

local resources = {}
local organization, base, stride, same
local counter = 0

function init(args)
    for line in io.lines(args[1]) do
        if #line > 0 then table.insert(resources, line) end
    end
    organization = args[2]
    base = tonumber(args[3])
    stride = tonumber(args[4])
    same = args[5] == "same"
    math.randomseed(1000 + tindex)
    -- per-thread status counts, read by done() through thread:get
    s2xx, s409, s4xx, s5xx, other = 0, 0, 0, 0, 0
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
    wrk.headers["Authorization"] = "Bearer " .. os.getenv("BOOK_TOKEN")
end

-- With BOOK_DELAY_MS, each pause is drawn from an exponential distribution of that mean, so the
-- connections act as independent clients (Poisson arrivals, like pgbench -R) instead of sending
-- in step; a fixed pause would fire every connection's first request at the same instant.
local pause = tonumber(os.getenv("BOOK_DELAY_MS") or "")
if pause then
    function delay()
        return math.floor(-pause * math.log(1 - math.random()) + 0.5)
    end
end

local function iso(t)
    return os.date("!%Y-%m-%dT%H:%M:%SZ", t)
end

function request()
    local k = counter * stride + tindex
    counter = counter + 1
    local resource, slot = resources[1], 0
    if not same then
        resource = resources[(k % #resources) + 1]
        slot = math.floor(k / #resources)
    end
    local start = base + slot * 1800
    local body = string.format(
        '{"organizationId":"%s","category":"employee_upskilling","title":"bench %d",' ..
        '"start":"%s","end":"%s","resources":[{"resourceId":"%s"}]}',
        organization, k, iso(start), iso(start + 1800), resource)
    return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
    if status >= 200 and status < 300 then
        s2xx = s2xx + 1
    elseif status == 409 then
        s409 = s409 + 1
    elseif status >= 500 then
        s5xx = s5xx + 1
    elseif status >= 400 then
        s4xx = s4xx + 1
    else
        other = other + 1
    end
end

function done(summary, latency, requests)
    local totals = { s2xx = 0, s409 = 0, s4xx = 0, s5xx = 0, other = 0 }
    for _, thread in ipairs(threads) do
        for key in pairs(totals) do
            totals[key] = totals[key] + (thread:get(key) or 0)
        end
    end
    local e = summary.errors
    io.write(string.format(
        "RESULT requests=%d duration_us=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d mean_us=%.0f " ..
        "s2xx=%d s409=%d s4xx=%d s5xx=%d other=%d non2xx=%d connect_err=%d read_err=%d write_err=%d timeouts=%d\n",
        summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
        latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
        totals.s2xx, totals.s409, totals.s4xx, totals.s5xx, totals.other,
        summary.requests - totals.s2xx, e.connect, e.read, e.write, e.timeout))
end
