"""The PDF benchmark's interleaving (bench/floor.py): a subject measured between blocks of the
floor, each block against the mean of the floor blocks around it, so that a machine that slows
down or speeds up during the run does not move the ratio."""

import pytest

from bench.floor import Clocks, bracketed_ratios, compared, timed


class FakeMachine:
    """Renders that take a set number of seconds, on a machine whose speed can drift: every
    call is `slowdown` times slower than the one before. Both clocks read its time."""

    def __init__(self, *, slowdown: float = 1.0):
        self.now = 0.0
        self.factor = 1.0
        self.slowdown = slowdown
        self.calls: list[str] = []

    def render(self, name: str, seconds: float):
        def call() -> None:
            self.calls.append(name)
            self.now += seconds * self.factor
            self.factor *= self.slowdown

        return call

    @property
    def clocks(self) -> Clocks:
        return Clocks(wall=lambda: self.now, cpu=lambda: self.now)


def test_bracketed_ratios_compare_each_block_with_the_mean_of_the_floors_around_it():
    assert bracketed_ratios([10.0, 20.0, 30.0], [150.0, 250.0]) == [10.0, 10.0]
    assert bracketed_ratios([0.02, 0.02], [0.2]) == [10.0]


def test_bracketed_ratios_need_one_floor_block_more_than_subject_blocks():
    with pytest.raises(ValueError, match="one floor block before each subject block"):
        bracketed_ratios([10.0, 20.0], [150.0, 250.0])


def test_compared_runs_floor_and_subject_in_turn_and_ends_with_a_floor_block():
    machine = FakeMachine()
    compared(
        machine.render("plan", 0.2),
        machine.render("floor", 0.02),
        rounds=2,
        subject_repeat=1,
        floor_repeat=2,
        warmup=1,
        clocks=machine.clocks,
    )
    assert machine.calls == [
        *["floor", "plan"],  # warm-up
        *["floor", "floor", "plan"],
        *["floor", "floor", "plan"],
        *["floor", "floor"],
    ]


def test_compared_on_a_steady_machine_gives_the_plain_ratio_and_medians():
    machine = FakeMachine()
    comparison = compared(
        machine.render("plan", 0.18),
        machine.render("floor", 0.02),
        rounds=3,
        subject_repeat=2,
        floor_repeat=4,
        clocks=machine.clocks,
    )
    assert comparison.wall_ratio == pytest.approx(9.0)
    assert comparison.cpu_ratio == pytest.approx(9.0)
    assert comparison.subject.wall == pytest.approx(0.18)
    assert comparison.floor.cpu == pytest.approx(0.02)
    assert comparison.rounds == 3


def test_compared_keeps_the_ratio_when_the_machine_slows_down_during_the_run():
    """The machine slows by 1 % per render (46 % over this run): a floor measured once at the
    start would put a 9× plan at about 11×; the interleaved ratio stays within 2 % of 9×."""
    machine = FakeMachine(slowdown=1.01)
    floor_first = timed(machine.render("floor", 0.02), repeat=10, warmup=0, clocks=machine.clocks)
    comparison = compared(
        machine.render("plan", 0.18),
        machine.render("floor", 0.02),
        rounds=5,
        subject_repeat=3,
        floor_repeat=2,
        warmup=0,
        clocks=machine.clocks,
    )
    assert comparison.subject.wall / floor_first.wall > 10.5
    assert comparison.wall_ratio == pytest.approx(9.0, rel=0.02)
