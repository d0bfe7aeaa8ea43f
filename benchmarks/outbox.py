"""How fast the outbox sends, and that no worker ever takes another's message.

    .venv/bin/python benchmarks/outbox.py [--messages 5000] [--workers 1,2,4]
        [--database-url postgres://postgres@127.0.0.1:5432/postgres]

For each number of workers: a fresh PostgreSQL database with `--messages` due
messages (100 per seeker, 10 per application), a local SMTP sink (aiosmtpd) in
this process, and that many `nextsteps worker --once` processes started at once.
Each message goes through the whole path: claim, the last check, an SMTP
conversation, the sent state and the follow-up logged on the application's
timeline. Prints one JSON object: messages per second (first worker start to
last worker exit), the messages the sink received, and duplicates (a Message-ID
received more than once: must be 0).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.outreach.processes import (  # noqa: E402
    environment,
    nextsteps,
    outbox_report,
    postgres_database,
    seed,
    start_worker,
)
from tests.outreach.smtpd import running_sink  # noqa: E402

DATABASE = "nextsteps_bench_outbox"


def one_run(messages: int, workers: int, data_dir: Path) -> dict[str, Any]:
    with postgres_database(DATABASE) as url, running_sink() as (sink, port):
        env = environment(data_dir, url)
        nextsteps(env, "migrate")
        seed(env, "fill", f"--messages={messages}", f"--port={port}", f"--start={time.time()}")
        started = time.perf_counter()
        logs = [data_dir / f"worker{workers}-{n}.log" for n in range(workers)]
        processes = [start_worker(env, log, "--once") for log in logs]
        exits = [process.wait(timeout=1800) for process in processes]
        seconds = time.perf_counter() - started
        received = Counter(r.message_id for r in sink.received)
        states = outbox_report(env)["states"]
    return {
        "workers": workers,
        "messages": messages,
        "seconds": round(seconds, 2),
        "messages_per_second": round(messages / seconds, 1),
        "received": sum(received.values()),
        "duplicates": sum(n - 1 for n in received.values()),
        "states": states,
        "worker_exit_codes": exits,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/postgres",
        help="Any database on the server: the benchmark makes a database of its own there.",
    )
    args = parser.parse_args()
    import tests.outreach.processes as processes

    processes.SERVER_URL = args.database_url
    runs = []
    with tempfile.TemporaryDirectory(prefix="nextsteps-bench-outbox-") as data_dir:
        for workers in (int(n) for n in args.workers.split(",")):
            runs.append(one_run(args.messages, workers, Path(data_dir)))
            print(json.dumps(runs[-1]), file=sys.stderr)
    print(json.dumps({"database": "postgresql", "runs": runs}, indent=2))


if __name__ == "__main__":
    main()
