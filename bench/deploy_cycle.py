#!/usr/bin/env python3
"""Rule-set deployments in a row through the running service (driven by bench/deploy-cycle.sh).

Each cycle: the author makes a draft from the active version with one threshold changed (alternating
values, so every deployment builds a new rule base), validates, tests and submits it; the administrator
approves it (maker-checker) and waits until it is active; then a fixed set of records, each with fresh
identities, is posted one by one and timed; then the JVM's memory and class counts are read from
/actuator/prometheus, once as they are and once after a full GC (jcmd GC.run) for the heap.

Usage: deploy_cycle.py BASE_URL BODIES_FILE DEPLOYMENTS RECORDS PID
Environment: KEY (feed key), PASSWORD (demo password), AUTHOR, APPROVER, THRESHOLD, VALUES, DRL_FILE (a rule file
given a comment naming the cycle), UNTIL (epoch seconds: start no deployment after it).
"""
import base64, http.client, json, os, re, statistics, subprocess, sys, time, urllib.parse

base, bodies_file, deployments, record_count, pid = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
KEY = os.environ.get('KEY', 'lsk_demo_qingyuan_2026')
PASSWORD = os.environ.get('PASSWORD', 'lianshao-demo')
AUTHOR = os.environ.get('AUTHOR', 'author')
APPROVER = os.environ.get('APPROVER', 'admin')
# a district's own value (key.<district>): the rule tests have no organisation in 市本级, so they pass with either value
THRESHOLD = os.environ.get('THRESHOLD', 'tender.conflict.large-award.市本级')
VALUES = os.environ.get('VALUES', '1000000,1500000').split(',')
# a rule file whose text changes too (a comment naming the cycle), so that no deployment finds its rule base among the
# kept ones (rules.BuiltRuleBases keys them by the SHA-256 of the DRL): every deployment compiles the DRL again
DRL_FILE = os.environ.get('DRL_FILE', 'procurement/PRC-02-splitting.drl')

url = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(url.hostname, url.port, timeout=300)


def call(method, path, user=None, body=None, headers=None):
    h = {'Accept': 'application/json'}
    if user:
        h['Authorization'] = 'Basic ' + base64.b64encode(f'{user}:{PASSWORD}'.encode()).decode()
        h['X-Requested-By'] = 'lianshao'
    if headers:
        h.update(headers)
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
        h['Content-Type'] = 'application/json'
    conn.request(method, path, body=data, headers=h)
    r = conn.getresponse()
    text = r.read()
    return r.status, text


def ok(method, path, user=None, body=None, expect=(200, 201)):
    status, text = call(method, path, user, body)
    if status not in expect:
        sys.exit(f'{method} {path} -> {status}: {text[:600].decode(errors="replace")}')
    return json.loads(text) if text else None


def prometheus():
    status, text = call('GET', '/actuator/prometheus', APPROVER, headers={'Accept': 'text/plain'})
    if status != 200:
        sys.exit(f'/actuator/prometheus -> {status}')
    samples = {}
    for line in text.decode().splitlines():
        if line and not line.startswith('#'):
            name, _, value = line.rpartition(' ')
            samples[name] = float(value)
    return samples


def total(samples, metric, **labels):
    s = 0.0
    for name, value in samples.items():
        if name.split('{')[0] != metric:
            continue
        if all(re.search(f'{k}="{v}"', name) for k, v in labels.items()):
            s += value
    return s


def jvm(samples):
    return {
        'heap': total(samples, 'jvm_memory_used_bytes', area='heap') / 2**20,
        'meta': total(samples, 'jvm_memory_used_bytes', id='Metaspace') / 2**20,
        'code': total(samples, 'jvm_memory_used_bytes', id='CodeHeap[^"]*') / 2**20,
        'loaded': total(samples, 'jvm_classes_loaded_classes'),
        'unloaded': total(samples, 'jvm_classes_unloaded_classes_total'),
        'eval_s': total(samples, 'lianshao_evaluation_latency_seconds_sum'),
        'eval_n': total(samples, 'lianshao_evaluation_latency_seconds_count'),
    }


records = [line.rstrip('\n') for line in open(bodies_file, encoding='utf-8') if line.strip()]
step = len(records) / record_count
fixed = [records[int(i * step)] for i in range(record_count)]  # every domain, the same records each cycle
run = f'dc{int(time.time())}'


def post_records(cycle):
    latencies = []
    started = time.perf_counter()
    for i, body in enumerate(fixed):
        n = f'{run}c{cycle}n{i}'
        b = body.replace('@@N@@', n).replace('@@H@@', f'{cycle:08x}{i:08x}').encode()
        t = time.perf_counter()
        status, text = call('POST', '/api/v1/records', body=b, headers={'X-Api-Key': KEY})
        latencies.append(time.perf_counter() - t)
        if status >= 300:
            sys.exit(f'record {i} -> {status}: {text[:400].decode(errors="replace")}')
    elapsed = time.perf_counter() - started
    return len(fixed) / elapsed, statistics.median(latencies) * 1000, statistics.quantiles(latencies, n=10)[8] * 1000


def active():
    return ok('GET', '/api/v1/rule-sets?limit=1', AUTHOR)['active']['version']


print('deployment version prepare_s deploy_s records_per_s p50_ms p90_ms eval_ms heap_MB heap_after_gc_MB '
      'metaspace_MB code_cache_MB classes_loaded classes_unloaded', flush=True)
before = jvm(prometheus())
for cycle in range(1, deployments + 1):
    if time.time() > float(os.environ.get('UNTIL', 'inf')):
        print(f'stopped before deployment {cycle}: UNTIL reached', flush=True)
        break
    parent = active()
    files = ok('GET', f'/api/v1/rule-sets/{parent}', AUTHOR)['files']
    text = files['thresholds.properties']
    value = VALUES[cycle % len(VALUES)]
    changed, hits = re.subn(rf'(?m)^{re.escape(THRESHOLD)}=.*$', f'{THRESHOLD}={value}', text)
    if hits == 0:
        changed = text.rstrip('\n') + f'\n{THRESHOLD}={value}\n'
    if hits > 1 or changed == text:
        sys.exit(f'{THRESHOLD} more than once in thresholds.properties, or already {value}')
    drl = re.sub(r'\n// deploy cycle \d+\n$', '\n', files[DRL_FILE]).rstrip('\n') + f'\n// deploy cycle {cycle}\n'
    t = time.perf_counter()
    draft = ok('POST', '/api/v1/rule-sets', AUTHOR, {'parent': parent, 'comment': f'deploy cycle {cycle}: {THRESHOLD}={value}',
                                                    'files': {'thresholds.properties': changed, DRL_FILE: drl}})['version']
    if not ok('POST', f'/api/v1/rule-sets/{draft}/validate', AUTHOR)['valid']:
        sys.exit(f'version {draft} does not validate')
    report = ok('POST', f'/api/v1/rule-sets/{draft}/test', AUTHOR)
    if not report['passed']:
        failing = [(c['file'], c['name'], c['failures']) for c in report['cases'] if not c['passed']]
        sys.exit(f'version {draft}: tests fail: errors {report["errors"][:3]}, cases {failing[:3]}')
    ok('POST', f'/api/v1/rule-sets/{draft}/submit', AUTHOR)
    prepared = time.perf_counter() - t
    t = time.perf_counter()
    outcome = ok('POST', f'/api/v1/rule-sets/{draft}/approve?activeVersion={parent}&wait=true', APPROVER, expect=(200, 202))
    if outcome.get('activated') is False:
        sys.exit(f'version {draft} not activated: {outcome.get("detail")}')
    while active() != draft:
        time.sleep(0.2)
    deployed = time.perf_counter() - t
    rps, p50, p90 = post_records(cycle)
    now = jvm(prometheus())
    eval_ms = (now['eval_s'] - before['eval_s']) / max(1, now['eval_n'] - before['eval_n']) * 1000
    subprocess.run(['jcmd', pid, 'GC.run'], check=True, stdout=subprocess.DEVNULL)
    after_gc = jvm(prometheus())
    print(f'{cycle} {draft} {prepared:.1f} {deployed:.1f} {rps:.1f} {p50:.1f} {p90:.1f} {eval_ms:.2f} {now["heap"]:.0f} '
          f'{after_gc["heap"]:.0f} {after_gc["meta"]:.1f} {after_gc["code"]:.1f} {after_gc["loaded"]:.0f} '
          f'{after_gc["unloaded"]:.0f}', flush=True)
    before = after_gc
