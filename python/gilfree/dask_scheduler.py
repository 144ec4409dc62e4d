"""A dask.distributed scheduler process running gilfree (CPython runtime):

    ./gilfree --runtime cpython -m gilfree.dask_scheduler [--host 0.0.0.0] [--port 8786]

The scheduler unpickles the task graphs clients send, and a graph holding gilfree arrays (da.from_array of a
gilfree array puts it in the graph) needs gilfree to unpickle: so it runs in a gilfree runtime too, not under
distributed's `dask scheduler` command (which, like `dask worker`, installs signal handlers, refused under jep).
Ctrl-C or a kill ends it; workers (gilfree.dask_worker) then close.
"""
import argparse
import asyncio

import dask.array  # noqa: F401  (loaded before _dask, which registers gilfree with it)
from distributed import Scheduler

from . import _dask  # noqa: F401  (registration happens at its import)


def _parse(argv):
    p = argparse.ArgumentParser(prog="gilfree.dask_scheduler", description="A dask.distributed scheduler running gilfree.")
    p.add_argument("--host", default=None, help="the interface to listen on (default: all)")
    p.add_argument("--port", type=int, default=8786, help="the port to listen on (0: any free one)")
    return p.parse_args(argv)


async def _run(args):
    async with Scheduler(host=args.host, port=args.port, dashboard=False) as scheduler:
        print(f"gilfree.dask_scheduler: listening at {scheduler.address}", flush=True)
        await scheduler.finished()


def main(argv=None):
    asyncio.run(_run(_parse(argv)))


if __name__ == "__main__":
    main()
