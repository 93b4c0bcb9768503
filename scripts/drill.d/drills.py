"""`scripts/drill NAME` / `scripts/drill --list`: runs one fault drill (see docs/reliability.md)."""

import sys
import time

import disk_full
import kill_publish
import kill_worker
import restart_db
import slow_client
from harness import Drill, DrillFailed

DRILLS = {
    "kill-publish": kill_publish,
    "kill-worker": kill_worker,
    "restart-db": restart_db,
    "disk-full": disk_full,
    "slow-client": slow_client,
}


def main(arguments):
    if arguments == ["--list"]:
        print("\n".join(DRILLS))
        return 0
    if len(arguments) != 1 or arguments[0] not in DRILLS:
        print("usage: scripts/drill NAME | --list\n" + "\n".join(f"  {name}: {module.SUMMARY}"
                                                            for name, module in DRILLS.items()), file=sys.stderr)
        return 2
    drill = Drill(arguments[0])
    started = time.monotonic()
    try:
        DRILLS[drill.name].run(drill)
        drill.say(f"passed in {time.monotonic() - started:.0f} s")
        return 0
    except DrillFailed as failure:
        if not failure.printed:
            drill.say(f"FAIL {failure}")
        drill.say(f"failed after {time.monotonic() - started:.0f} s; the servers' logs: {drill.work} (DRILL_KEEP=1 keeps it)")
        return 1
    finally:
        drill.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
