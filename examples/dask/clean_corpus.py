#!/usr/bin/env python3
"""Clean a JSON Lines corpus on a Dask cluster with clean-article.

Each input shard (one JSON object per line, with a "text" field) is one task: a worker pipes the shard
through `clean-article --jsonl --jobs 1` and writes the cleaned shard, under the same name, in the
output folder. The records come out in the same order, each with its "text" cleaned and the article's
parts added under "article" (see the README's "JSON Lines and big corpora"); every other byte of a
record is passed through as it came. The shards must be on storage every worker can read, and the
output folder on storage every worker can write (NFS, a shared volume).

A shard is written to a hidden temporary file beside its output and renamed when whole, so an output
shard is never partial, and a shard whose output already exists is skipped unless --force: a job that
was stopped resumes where it stopped. A shard that clean-article cannot clean whole (a malformed line:
it would be left out) fails the job with clean-article's message naming the shard and the line.

    # a scheduler and workers already running (dask-scheduler / dask-worker):
    python3 clean_corpus.py --scheduler tcp://10.0.0.1:8786 --out clean/ corpus/*.jsonl
    # or a cluster on this machine, one worker process per core:
    python3 clean_corpus.py --out clean/ corpus/*.jsonl

Needs Dask and dask.distributed (Debian: python3-dask, python3-distributed) and clean-article on
every worker's PATH (or --command).
"""

import argparse
import os
import shlex
import subprocess
import sys
import tempfile

import dask.bag as db
from dask.distributed import Client, LocalCluster

DEFAULT_COMMAND = "clean-article --jsonl --jobs 1"


def clean_shard(job):
    """Pipe one shard through clean-article into its output shard; return (shard, records written)."""
    shard, out_dir, command, force = job
    output = os.path.join(out_dir, os.path.basename(shard))
    if not force and os.path.exists(output):
        return shard, None
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(output) + ".", suffix=".tmp", dir=out_dir)
    try:
        with open(shard, "rb") as source, os.fdopen(fd, "wb") as sink:
            run = subprocess.run(shlex.split(command), stdin=source, stdout=sink, stderr=subprocess.PIPE)
            sink.flush()
            os.fsync(sink.fileno())
        if run.returncode != 0:
            message = run.stderr.decode("utf-8", "replace").strip()
            raise RuntimeError(f"{shard}: clean-article exited {run.returncode}: {message}")
        os.replace(tmp, output)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    with open(output, "rb") as cleaned:
        return shard, sum(1 for _ in cleaned)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shards", nargs="+", help="JSON Lines files, one task each")
    parser.add_argument("--out", required=True, help="folder for the cleaned shards (same names)")
    parser.add_argument("--scheduler", help="address of a running scheduler (default: a local cluster)")
    parser.add_argument("--scheduler-file", help="a scheduler's --scheduler-file, instead of --scheduler")
    parser.add_argument("--command", default=DEFAULT_COMMAND, help=f'the cleaning command (default "{DEFAULT_COMMAND}")')
    parser.add_argument("--force", action="store_true", help="clean shards whose output exists too")
    parser.add_argument("--wait-workers", type=int, default=0, help="wait for this many workers before starting")
    args = parser.parse_args(argv)

    names = [os.path.basename(s) for s in args.shards]
    if len(set(names)) != len(names):
        parser.error("two shards have the same file name; their outputs would collide")
    os.makedirs(args.out, exist_ok=True)
    out_dir = os.path.abspath(args.out)

    if args.scheduler or args.scheduler_file:
        client = Client(args.scheduler, scheduler_file=args.scheduler_file)
    else:
        client = Client(LocalCluster(threads_per_worker=1, processes=True))
    try:
        if args.wait_workers > 0:
            client.wait_for_workers(args.wait_workers, timeout=120)
        jobs = [(os.path.abspath(s), out_dir, args.command, args.force) for s in args.shards]
        # One partition per shard: each task pipes its shard through one clean-article process.
        done = db.from_sequence(jobs, npartitions=len(jobs)).map(clean_shard).compute()
    except (RuntimeError, OSError) as error:
        print(f"clean_corpus: {error}", file=sys.stderr)
        return 1
    finally:
        client.close()
    cleaned = [n for _, n in done if n is not None]
    print(
        f"clean_corpus: {len(cleaned)} shards cleaned ({sum(cleaned)} records), "
        f"{len(done) - len(cleaned)} skipped (output exists)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
