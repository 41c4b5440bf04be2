"""`parallel.Pool` gives exactly the serial results, in input order, with or without workers."""

from __future__ import annotations

import os

import pytest

from transync import parallel
from transync.parallel import WORKERS_VARIABLE, Pool, default_workers


def _square_with_pid(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


def test_results_come_back_in_input_order_from_several_processes() -> None:
    with Pool(workers=2, min_items=0) as pool:
        results = list(pool.map(_square_with_pid, range(200)))
    assert [square for square, _ in results] == [number * number for number in range(200)]
    assert os.getpid() not in {pid for _, pid in results}


def test_small_inputs_run_in_this_process() -> None:
    with Pool(workers=2, min_items=1_000) as pool:
        results = list(pool.map(_square_with_pid, range(10)))
    assert {pid for _, pid in results} == {os.getpid()}


def test_one_worker_means_no_worker_processes() -> None:
    with Pool(workers=1, min_items=0) as pool:
        assert {pid for _, pid in pool.map(_square_with_pid, range(50))} == {os.getpid()}


def test_the_pool_is_reused_across_maps_and_closed_after() -> None:
    pool = Pool(workers=2, min_items=0)
    with pool:
        first = {pid for _, pid in pool.map(_square_with_pid, range(40))}
        second = {pid for _, pid in pool.map(_square_with_pid, range(40))}
    assert os.getpid() not in first | second
    assert len(first | second) <= 2  # the same two workers served both maps
    pool.close()  # closing twice is harmless


@pytest.mark.parametrize(("setting", "expected"), [("1", 1), ("3", 3), ("0", 1), ("many", 1)])
def test_workers_can_be_set_in_the_environment(
    monkeypatch: pytest.MonkeyPatch, setting: str, expected: int
) -> None:
    monkeypatch.setenv(WORKERS_VARIABLE, setting)
    assert default_workers() == expected


def test_without_the_setting_every_usable_cpu_works(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(WORKERS_VARIABLE, raising=False)
    assert default_workers() >= 1


def test_the_threshold_is_read_when_the_pool_is_made(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_PARALLEL_ITEMS", 0)
    with Pool(workers=2) as pool:
        assert os.getpid() not in {pid for _, pid in pool.map(_square_with_pid, range(8))}
