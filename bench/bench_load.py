"""Load benchmark: managers and employees save, share, hold and sign talks at the same time.

Usage: python3 bench/bench_load.py [--duration 180] [--managers 30] [--team 3] [--talks 2]
       [--workers 4] [--think 2 8] [--no-think] [--seed 7] [--keep]

Creates its own database from the cached base ``lob_hrm_base_2c8a3b4860`` (``createdb -T``;
the base is never touched) with lob_hrm installed WITH demo data, creates ``--managers``
managers, each leading a team of ``--team`` employees (users with employees, in a department
of their own) and ``--talks`` planned talks per employee with the demo staff template. Then
it starts Odoo with ``--workers`` prefork workers (no cron) on a free port of 127.0.0.1 and
lets every manager and employee act over JSON-RPC, each with their own session (one login
per user, before timing), from threads of this one process:

- the manager starts the preparation, answers their own prompts and shares them;
- the employee opens the talk, saves answers the way the form saves them (``web_save`` of
  the talk with answer one2many commands and the form's field specification) and shares;
- the manager answers the prompts answered together (one makes an agreement), adds
  agreements in the agreements tab (``web_save`` with create commands), marks the talk held;
- both sign (``call_button``), then open the talk again.

Between actions users think for ``--think`` seconds (random, seeded). ``--no-think`` fires
back to back (and defaults to one employee per manager: 60 clients). The run stops after
``--duration`` seconds or when every talk is signed, and each client makes at most
``--max-calls`` calls. It reports the throughput, client latency (p50/p95/max), the server's
own time per request (Odoo's request log: query time + the rest), the serialization retries
logged by Odoo, and then checks the database: every answer holds the last value its client
saved, no agreement is duplicated, no talk is in a state its clients did not drive it to,
signed talks carry both signatures and held talks their required answers. Exit 1 when a check
fails or a user got an error. The database is dropped at the end unless ``--keep``.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

try:
    import requests
    from lxml import etree

    import odoo
    from odoo import SUPERUSER_ID, api, fields
    from odoo.fields import Command
    from odoo.modules.registry import Registry
    from odoo.tools import config
except ImportError as exc:  # reported as "skipped" by main()
    odoo = None
    SKIPPED = str(exc)

ROOT = Path(__file__).resolve().parent.parent
# the cached base of scripts/odoo-env.sh (make bench-load passes it), or the usual name
BASE_DB = os.environ.get("LOB_BASE_DB") or "lob_hrm_base_2c8a3b4860"
TEMPLATE_XMLID = "lob_hrm.lob_talk_template_cycle_demo"
PASSWORD = "bench-load"
REQUEST_LOG = re.compile(
    r'"(?:POST|GET) (?P<path>\S+) HTTP/[\d.]+" (?P<status>\d+) - '
    r"(?P<queries>\d+) (?P<qtime>[\d.]+) (?P<rest>[\d.]+)"
)
LAUNCHER = """import os, sys, time
if len(sys.argv) > 1 and sys.argv[1] == "gevent":
    parent = os.getppid()
    while os.getppid() == parent:  # idle until the server goes
        time.sleep(1)
    sys.exit(0)
from odoo.cli.command import main
main()
"""
RETRY_LOG = re.compile(r"tries left, try again|maximum number of tries reached")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _psql(db: str, query: str) -> str:
    return subprocess.run(
        ["psql", "-d", db, "-Atc", query], capture_output=True, text=True, check=True
    ).stdout.strip()


def _pct(values, q):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


class Bench:
    def __init__(self, args):
        self.args = args
        self.db = args.db
        self.tmp = Path(tempfile.mkdtemp(prefix="lob_bench_load_"))
        (self.tmp / "lob_hrm").symlink_to(ROOT)
        self.addons = os.environ.get("LOB_ADDONS_PATH") or (
            f"{os.path.join(os.path.dirname(odoo.__file__), 'addons')},{self.tmp}"
        )
        self.logfile = self.tmp / "odoo.log"
        self.server = None

    # -- setup ------------------------------------------------------------------------------

    def create_db(self):
        if _psql("postgres", f"select 1 from pg_database where datname='{self.db}'"):
            sys.exit(f"{self.db} exists: drop it or pass --db")
        for _ in range(20):  # another run may be copying the base right now
            if subprocess.run(["createdb", "-T", BASE_DB, self.db]).returncode == 0:
                break
            time.sleep(3)
        else:
            sys.exit(f"cannot copy {BASE_DB}")
        print(f"installing lob_hrm (with demo data) in {self.db} ...", flush=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "odoo",
                f"--addons-path={self.addons}",
                f"--database={self.db}",
                "--init=lob_hrm",
                "--stop-after-init",
                "--http-port=0",
                "--max-cron-threads=0",
                "--log-level=warn",
            ],
            check=True,
        )

    def populate(self):
        """Managers, teams and planned talks, committed before the server starts."""
        config.parse_config([f"--addons-path={self.addons}", "-d", self.db, "--log-level=warn"])
        rnd = random.Random(self.args.seed)
        with Registry(self.db).cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": False})
            # cheap password hashes for the bench users only: one login per user happens
            # before timing, and 100+ logins at 600,000 rounds would cost minutes of CPU
            env["ir.config_parameter"].set_param("password.hashing.rounds", 1000)
            template = env.ref(TEMPLATE_XMLID)
            company = env.ref("base.main_company")
            g_manager = env.ref("lob_hrm.group_lob_manager")
            g_user = env.ref("lob_hrm.group_lob_user")
            users = env["res.users"].with_context(no_reset_password=True)

            # in batches: one create per model, as a setup of 100+ users one by one is slow
            def user_vals(login, name, group):
                return {
                    "name": name,
                    "login": login,
                    "email": f"{login}@college.example.com",
                    "password": PASSWORD,
                    "groups_id": [Command.set([group.id])],
                    "tz": "Europe/Amsterdam",
                }

            n_mgr, n_team = self.args.managers, self.args.team
            mgr_users = users.create(
                [
                    user_vals(f"bench_mgr_{m:02d}", f"Bench Manager {m:02d}", g_manager)
                    for m in range(n_mgr)
                ]
            )
            depts = env["hr.department"].create(
                [{"name": f"Bench team {m:02d}", "company_id": company.id} for m in range(n_mgr)]
            )
            mgrs = env["hr.employee"].create(
                [
                    {"name": u.name, "user_id": u.id, "department_id": d.id}
                    for u, d in zip(mgr_users, depts, strict=True)
                ]
            )
            for dept, mgr in zip(depts, mgrs, strict=True):
                dept.manager_id = mgr
            emp_users = users.create(
                [
                    user_vals(f"bench_emp_{m:02d}_{e}", f"Bench Employee {m:02d}-{e}", g_user)
                    for m in range(n_mgr)
                    for e in range(n_team)
                ]
            )
            emps = env["hr.employee"].create(
                [
                    {
                        "name": u.name,
                        "user_id": u.id,
                        "department_id": depts[i // n_team].id,
                        "parent_id": mgrs[i // n_team].id,
                    }
                    for i, u in enumerate(emp_users)
                ]
            )
            talks = env["lob.talk"].create(
                [
                    {
                        "template_id": template.id,
                        "employee_id": emp.id,
                        "planned_date": fields.Datetime.add(
                            fields.Datetime.now(), days=7 + 7 * t, hours=rnd.randint(0, 8)
                        ),
                    }
                    for emp in emps
                    for t in range(self.args.talks)
                ]
            )
            ids = iter(talks.ids)
            teams = [
                (
                    mgr_users[m].login,
                    [
                        (
                            emp_users[m * n_team + e].login,
                            [next(ids) for _ in range(self.args.talks)],
                        )
                        for e in range(n_team)
                    ],
                )
                for m in range(n_mgr)
            ]
            assert all(
                t.conductor_user_id
                for t in env["lob.talk"].browse(
                    [tid for _, members in teams for _, ids in members for tid in ids]
                )
            )
            # the form as each role gets it (fields of other groups are left out)
            self.spec = {
                "manager": self._form_spec(env(user=users.search([("login", "=", teams[0][0])]))),
                "employee": self._form_spec(
                    env(user=users.search([("login", "=", teams[0][1][0][0])]))
                ),
            }
            self.company_id = company.id
        self.teams = teams

    @staticmethod
    def _form_spec(env):
        """The field specification the web client sends with the talk form."""
        views = env["lob.talk"].get_views([(False, "form")])
        arch = etree.fromstring(views["views"]["form"]["arch"])
        models_info = views["models"]

        def fields_of(model):
            info = models_info[model]
            return info.get("fields", info)

        def spec_of(node, model):
            spec = {}
            for field in node.iter("field"):
                # only the fields of this level: skip those inside a nested x2many
                parent = field.getparent()
                while parent is not None and parent is not node and parent.tag != "field":
                    parent = parent.getparent()
                if parent is not None and parent is not node:
                    continue
                name = field.get("name")
                desc = fields_of(model).get(name, {})
                ftype = desc.get("type")
                if ftype in ("one2many", "many2many"):
                    sub = field.find("list")
                    spec[name] = (
                        {"fields": spec_of(sub, desc["relation"])}
                        if sub is not None
                        else {"fields": {"display_name": {}}}
                    )
                elif ftype == "many2one":
                    spec[name] = {"fields": {"display_name": {}}}
                else:
                    spec[name] = {}
            return spec

        spec = spec_of(arch, "lob.talk")
        spec["display_name"] = {}
        return spec

    # -- server -----------------------------------------------------------------------------

    def start_server(self):
        self.port = _free_port()
        # The prefork server re-runs its own argv with "gevent" for the websocket worker, and
        # respawns it whenever it exits. The clients here need no websocket (and gevent may
        # not start on this machine): the launcher leaves that worker idle.
        launcher = self.tmp / "odoo_launcher.py"
        launcher.write_text(LAUNCHER)
        cmd = [sys.executable, str(launcher), f"--addons-path={self.addons}", "-d", self.db]
        cmd += [f"--db-filter=^{self.db}$", f"--workers={self.args.workers}"]
        cmd += ["--max-cron-threads=0", "--http-interface=127.0.0.1"]
        cmd += [f"--http-port={self.port}", f"--gevent-port={_free_port()}"]
        cmd += [f"--logfile={self.logfile}", "--log-level=info", "--limit-time-real=600"]
        cmd += ["--limit-time-cpu=300"]
        self.server = subprocess.Popen(cmd, start_new_session=True)
        url = f"http://127.0.0.1:{self.port}/web/webclient/version_info"
        for _ in range(120):
            try:
                if requests.post(url, json={"params": {}}, timeout=5).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError("the Odoo server did not start; see " + str(self.logfile))

    def stop_server(self):
        if self.server and self.server.poll() is None:
            os.killpg(self.server.pid, signal.SIGTERM)
            try:
                self.server.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.server.pid, signal.SIGKILL)
                self.server.wait()

    def drop(self):
        odoo.sql_db.close_all()
        shutil.rmtree(self.tmp, ignore_errors=True)
        if not self.args.keep:
            subprocess.run(["dropdb", "--if-exists", self.db], check=False)


class Client:
    """One user in a browser: one session, one request at a time."""

    def __init__(self, bench, login, rnd, deadline, role):
        self.role = role
        self.last_ok = False
        self.bench = bench
        self.login = login
        self.rnd = rnd
        self.deadline = deadline
        self.url = f"http://127.0.0.1:{bench.port}"
        self.http = requests.Session()
        self.calls = []  # (label, seconds)
        self.errors = []
        self.saved = {}  # answer id -> last value this client saved successfully
        self.agreements = []  # (talk id, description) created successfully
        self.done = {}  # (talk id, action) -> True when the call succeeded
        self.n = 0

    def authenticate(self):
        r = self.http.post(
            f"{self.url}/web/session/authenticate",
            json={
                "jsonrpc": "2.0",
                "params": {"db": self.bench.db, "login": self.login, "password": PASSWORD},
            },
            timeout=120,
        ).json()
        if r.get("error"):
            raise RuntimeError(f"login {self.login}: {r['error']['data']['message']}")
        self.uid = r["result"]["uid"]
        self.context = {
            "lang": "en_US",
            "tz": "Europe/Amsterdam",
            "uid": self.uid,
            "allowed_company_ids": [self.bench.company_id],
        }

    def over(self):
        return time.monotonic() > self.deadline or self.n >= self.bench.args.max_calls

    def think(self, low=None):
        args = self.bench.args
        pause = 0.0 if args.no_think else self.rnd.uniform(*args.think)
        if low is not None:
            pause = max(pause, low)
        time.sleep(max(0.0, min(pause, self.deadline - time.monotonic())))

    def call(self, label, model, method, args, kwargs=None, route="call_kw"):
        self.n += 1
        kwargs = dict(kwargs or {}, context=self.context)
        body = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": self.n,
            "params": {"model": model, "method": method, "args": args, "kwargs": kwargs},
        }
        t0 = time.perf_counter()
        try:
            r = self.http.post(
                f"{self.url}/web/dataset/{route}/{model}/{method}", json=body, timeout=300
            )
            answer = r.json()
        except (requests.RequestException, ValueError) as exc:
            answer = {"error": {"data": {"message": f"HTTP: {exc}"}}}
        self.calls.append((label, time.perf_counter() - t0))
        self.last_ok = not answer.get("error")
        if answer.get("error"):
            msg = answer["error"].get("data", {}).get("message") or str(answer["error"])
            self.errors.append((label, msg[:300]))
            return None
        return answer["result"]

    def open_talk(self, talk_id):
        res = self.call(
            "web_read",
            "lob.talk",
            "web_read",
            [[talk_id]],
            {"specification": self.bench.spec[self.role]},
        )
        return res[0] if res else None

    def save_answers(self, talk, party, answer_types=("text",)):
        """Fill this party's editable answers in two saves, as a person types and saves."""
        lines = [
            a
            for a in talk["answer_ids"]
            if a.get("can_edit")
            and a.get("party") == party
            and a.get("answer_type") in answer_types
        ]
        if not lines:
            return talk
        half = max(1, len(lines) // 2)
        for batch in (lines[:half], lines[half:], lines[:1]):  # the last save rewrites one
            if not batch or self.over():
                continue
            values = {a["id"]: f"{self.login} t{talk['id']} a{a['id']} #{self.n}" for a in batch}
            cmds = [[1, aid, {"value_text": value}] for aid, value in values.items()]
            res = self.call(
                "web_save",
                "lob.talk",
                "web_save",
                [[talk["id"]], {"answer_ids": cmds}],
                {"specification": self.bench.spec[self.role]},
            )
            if res:
                self.saved.update(values)
                talk = res[0]
            self.think()
        return talk

    def button(self, talk_id, method):
        self.call(method, "lob.talk", method, [[talk_id]], route="call_button")
        if self.last_ok:
            key = f"{method}:{self.role}" if method == "action_sign" else method
            self.done[(talk_id, key)] = True
        return self.last_ok


def employee_run(client: Client, talk_ids):
    for talk_id in talk_ids:
        talk = None
        while not client.over():  # wait for the invitation
            talk = client.open_talk(talk_id)
            if talk and talk["state"] != "planned":
                break
            client.think(low=0.5)
        if client.over() or not talk:
            return
        client.think()
        talk = client.save_answers(talk, "employee")
        if client.over():
            return
        client.button(talk_id, "action_share_employee")
        client.think()
        while not client.over():  # wait for the talk to be held
            talk = client.open_talk(talk_id)
            if talk and talk["state"] == "held":
                break
            client.think(low=0.5)
        if client.over():
            return
        client.button(talk_id, "action_sign")
        client.open_talk(talk_id)
        client.think()


def manager_run(client: Client, team):
    """Work through the team's talks; start each employee's next talk as soon as it can."""
    queues = [list(ids) for _, ids in team]
    stage = {}
    while not client.over() and any(queues):
        acted = False
        for queue in queues:
            if not queue or client.over():
                continue
            talk_id = queue[0]
            step = stage.get(talk_id, "start")
            if step == "start":
                client.open_talk(talk_id)
                client.think()
                if client.button(talk_id, "action_start_preparation"):
                    stage[talk_id] = "prepare"
                acted = True
            elif step == "prepare":
                talk = client.open_talk(talk_id)
                if talk:
                    client.think()
                    client.save_answers(talk, "manager")
                    if client.button(talk_id, "action_share_manager"):
                        stage[talk_id] = "wait"
                acted = True
            elif step == "wait":
                talk = client.open_talk(talk_id)
                if talk and talk["employee_shared"]:
                    client.think()
                    talk = client.save_answers(talk, "together", ("text", "agreement"))
                    descriptions = [f"{client.login} t{talk_id} agreement {i}" for i in range(2)]
                    res = client.call(
                        "web_save",
                        "lob.talk",
                        "web_save",
                        [
                            [talk_id],
                            {
                                "agreement_ids": [
                                    [0, f"virtual_{i}", {"description": d, "owner": "employee"}]
                                    for i, d in enumerate(descriptions)
                                ]
                            },
                        ],
                        {"specification": client.bench.spec[client.role]},
                    )
                    if res:
                        client.agreements += [(talk_id, d) for d in descriptions]
                    client.think()
                    if client.button(talk_id, "action_held"):
                        client.think()
                        client.button(talk_id, "action_sign")
                        client.open_talk(talk_id)
                        stage[talk_id] = "signed"
                        queue.pop(0)
                    acted = True
        if not acted:
            client.think(low=0.5)


def report_and_check(bench, clients, started, ended, log_offset, cpu0):
    args = bench.args
    elapsed = ended - started
    calls = [c for cl in clients for c in cl.calls]
    lat = [s for _, s in calls]
    by_label = defaultdict(list)
    for label, s in calls:
        by_label[label].append(s)
    errors = [e for cl in clients for e in cl.errors]
    with open(bench.logfile, encoding="utf-8", errors="replace") as log:
        log.seek(log_offset)
        text = log.read()
    server = defaultdict(list)
    server_queries = defaultdict(list)
    queries = []
    for m in REQUEST_LOG.finditer(text):
        path = m["path"]
        if "/web/dataset/" not in path:
            continue
        label = path.rsplit("/", 1)[-1]
        server[label].append(float(m["qtime"]) + float(m["rest"]))
        server_queries[label].append(int(m["queries"]))
        queries.append(int(m["queries"]))
    all_server = [s for v in server.values() for s in v]
    retries = len(RETRY_LOG.findall(text))
    conflicts = len(re.findall(r"could not serialize|concurrent update", text))
    cpu = time.process_time() - cpu0

    print()
    mode = "no think time" if args.no_think else f"think {args.think[0]}-{args.think[1]} s"
    print(
        f"{len(clients)} clients ({args.managers} managers + employees), {args.workers} "
        f"workers, {mode}, {elapsed:.0f} s"
    )
    print(
        f"calls: {len(calls)}, throughput {len(calls) / elapsed:.1f} calls/s, "
        f"errors returned to users: {len(errors)}"
    )
    print(
        f"client latency  p50 {_pct(lat, 0.5):.3f} s  p95 {_pct(lat, 0.95):.3f} s  "
        f"max {max(lat, default=0):.3f} s"
    )
    print(
        f"server time     p50 {_pct(all_server, 0.5):.3f} s  p95 {_pct(all_server, 0.95):.3f} s"
        f"  max {max(all_server, default=0):.3f} s  ({len(all_server)} requests logged, "
        f"queries p50 {_pct(queries, 0.5)} p95 {_pct(queries, 0.95)})"
    )
    print(f"serialization retries logged: {retries} (conflict lines: {conflicts})")
    print(
        f"{'call':28} {'n':>5} {'client p50':>11} {'p95':>7} {'server p50':>11} {'p95':>7} "
        f"{'queries p50':>12} {'p95':>5}"
    )
    for label in sorted(by_label):
        srv = server.get(label, [])
        nq = server_queries.get(label, [])
        print(
            f"{label:28} {len(by_label[label]):5} {_pct(by_label[label], 0.5):11.3f} "
            f"{_pct(by_label[label], 0.95):7.3f} {_pct(srv, 0.5):11.3f} {_pct(srv, 0.95):7.3f} "
            f"{_pct(nq, 0.5):>12} {_pct(nq, 0.95):>5}"
        )
    cores = os.cpu_count()
    print(
        f"NOTE: the load generator runs on the same {cores} cores as Odoo and PostgreSQL; "
        f"it used {cpu:.1f} s CPU ({100 * cpu / elapsed / cores:.1f} % of the machine)."
    )
    kinds = Counter(
        "connection refused, reset or timed out" if msg.startswith("HTTP:") else msg[:240]
        for _, msg in errors
    )
    for kind, count in kinds.most_common(10):
        print(f"  {count} errors: {kind}")

    # -- checks against the database ---------------------------------------------------------
    failures = []
    saved = {aid: v for cl in clients for aid, v in cl.saved.items()}
    if saved:
        rows = _psql(
            bench.db,
            "select id, coalesce(value_text, '') from lob_talk_answer "
            f"where id in ({','.join(map(str, saved))})",
        )
        held = dict(line.split("|", 1) for line in rows.splitlines())
        lost = [aid for aid, v in saved.items() if held.get(str(aid)) != v]
        if lost:
            failures.append(f"{len(lost)} answers lost (e.g. {lost[:5]})")
    dupes = _psql(
        bench.db,
        "select talk_id, description, count(*) from lob_talk_agreement "
        "group by 1, 2 having count(*) > 1",
    )
    if dupes:
        failures.append("duplicated agreements: " + dupes.replace("\n", "; ")[:300])
    dup_from = _psql(
        bench.db,
        "select answer_id from lob_talk_agreement where answer_id is "
        "not null group by 1 having count(*) > 1",
    )
    if dup_from:
        failures.append("several agreements from one answer: " + dup_from[:200])
    created = [(t, d) for cl in clients for t, d in cl.agreements]
    if created:
        present = set(
            _psql(
                bench.db, "select talk_id || '|' || description from lob_talk_agreement"
            ).splitlines()
        )
        missing = [x for x in created if f"{x[0]}|{x[1]}" not in present]
        if missing:
            failures.append(f"{len(missing)} agreements lost")
    done = {}
    for cl in clients:
        done.update(cl.done)
    talk_ids = [t for _, members in bench.teams for _, ids in members for t in ids]
    rows = _psql(
        bench.db,
        "select id, state, employee_shared, manager_shared, "
        "employee_signed_date is not null, conductor_signed_date is not null "
        f"from lob_talk where id in ({','.join(map(str, talk_ids))})",
    )
    states = Counter()
    for line in rows.splitlines():
        tid, state, e_sh, m_sh, e_sig, c_sig = line.split("|")
        tid = int(tid)
        states[state] += 1
        flag = defaultdict(bool, t=True)
        expect = "planned"
        if done.get((tid, "action_start_preparation")):
            expect = "preparation"
        if done.get((tid, "action_held")):
            expect = "held"
        e_signed = bool(done.get((tid, "action_sign:employee")))
        c_signed = bool(done.get((tid, "action_sign:manager")))
        if e_signed and c_signed:
            expect = "signed"
        if state != expect:
            failures.append(f"talk {tid} is {state}, its clients drove it to {expect}")
        if (flag[e_sig], flag[c_sig]) != (e_signed, c_signed):
            failures.append(f"talk {tid}: signatures {e_sig}/{c_sig} differ from the clients")
        if state == "signed" and not (flag[e_sig] and flag[c_sig]):
            failures.append(f"talk {tid} signed without both signatures")
        if flag[e_sh] != bool(done.get((tid, "action_share_employee"))):
            failures.append(f"talk {tid}: employee_shared {e_sh} differs from the client")
        if flag[m_sh] != bool(done.get((tid, "action_share_manager"))):
            failures.append(f"talk {tid}: manager_shared {m_sh} differs from the client")
    missing_required = _psql(
        bench.db,
        "select distinct a.talk_id from lob_talk_answer a join lob_talk t on t.id = a.talk_id "
        "join lob_talk_template_prompt p on p.id = a.prompt_id where p.required and "
        "t.state in ('held', 'signed') and coalesce(btrim(a.value_text), '') = '' and "
        "a.value_scale is null and a.value_yes_no is null and a.value_level_id is null "
        f"and t.id in ({','.join(map(str, talk_ids))})",
    )
    if missing_required:
        failures.append("held without required answers: " + missing_required[:200])
    print(
        f"talks: {dict(states)}; answers checked: {len(saved)}; agreements checked: {len(created)}"
    )
    print(
        "checks: "
        + ("OK (nothing lost, duplicated or in an impossible state)" if not failures else "FAILED")
    )
    for f in failures[:20]:
        print("  " + f)
    return not failures and not errors


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=180)
    parser.add_argument("--managers", type=int, default=30)
    parser.add_argument("--team", type=int, help="employees per manager (3; 1 with --no-think)")
    parser.add_argument("--talks", type=int, help="talks per employee (2; 1 with --no-think)")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--think", type=float, nargs=2, default=(2.0, 8.0))
    parser.add_argument("--no-think", action="store_true")
    parser.add_argument("--max-calls", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", default=f"lob_hrm_bench_load_{os.getpid()}")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args(argv)
    if odoo is None:
        print(f"bench_load: skipped ({SKIPPED})")
        return 0
    if args.team is None:
        args.team = 1 if args.no_think else 3
    if args.talks is None:
        args.talks = 1 if args.no_think else 2
    bench = Bench(args)
    try:
        bench.create_db()
        t0 = time.monotonic()
        bench.populate()
        print(
            f"setup: {args.managers} managers, {args.managers * args.team} employees, "
            f"{args.managers * args.team * args.talks} talks in {time.monotonic() - t0:.0f} s",
            flush=True,
        )
        bench.start_server()
        rnd = random.Random(args.seed)
        far = time.monotonic() + 10**6
        clients, jobs = [], []
        for mgr_login, members in bench.teams:
            mgr = Client(bench, mgr_login, random.Random(rnd.random()), far, "manager")
            clients.append(mgr)
            jobs.append((manager_run, mgr, members))
            for login, ids in members:
                emp = Client(bench, login, random.Random(rnd.random()), far, "employee")
                clients.append(emp)
                jobs.append((employee_run, emp, ids))
        # one login per user, before timing, as many at once as there are workers
        with ThreadPoolExecutor(args.workers) as pool:
            list(pool.map(Client.authenticate, clients))
        log_offset = bench.logfile.stat().st_size
        cpu0 = time.process_time()
        started = time.monotonic()
        for client in clients:
            client.deadline = started + args.duration
        threads = [threading.Thread(target=fn, args=(cl, arg), daemon=True) for fn, cl, arg in jobs]
        for t in threads:
            t.start()
        for t in threads:
            t.join(args.duration + 600)
        ended = time.monotonic()
        time.sleep(1)  # let the workers write their last log lines
        bench.stop_server()
        ok = report_and_check(bench, clients, started, ended, log_offset, cpu0)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"bench process peak memory {peak} MB")
        return 0 if ok else 1
    finally:
        bench.stop_server()
        bench.drop()


if __name__ == "__main__":
    sys.exit(main())
