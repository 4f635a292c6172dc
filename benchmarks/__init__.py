"""Helpers of `python -m bot bench` (see bot/bench.py): baselines, synthetic knowledge
bases, timing, the Telegram load test, the chart. Not part of the running bot."""
