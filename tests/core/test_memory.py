import gc
import weakref

from core.memory import process_freeze


class Node:
    pass


def _tracked(thing) -> bool:
    """Whether the collector's generations (not the frozen one) hold `thing`."""
    return any(candidate is thing for candidate in gc.get_objects())


def test_process_freeze_collects_the_garbage_then_freezes_everything_alive():
    garbage = Node()
    garbage.me = garbage  # a reference cycle: only the collector frees it
    gone = weakref.ref(garbage)
    del garbage
    kept = Node()
    assert _tracked(kept)
    try:
        frozen = process_freeze()
        assert 0 < gc.get_freeze_count() <= frozen  # a frozen object may be freed since
        assert gone() is None
        assert not _tracked(kept)  # out of the collector's sight
    finally:
        gc.unfreeze()
    assert _tracked(kept)
