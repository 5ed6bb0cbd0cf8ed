"""The shared frontier in Redis: seeding guard, in-flight ledgers, worker heartbeats, clean-up.

Keys of one crawl, under its prefix ``partynews:<site>:<range digest>``:

* ``:requests`` — the scrapy-redis request queue (a sorted set of pickled requests);
* ``:dupefilter`` — the fingerprints of every request ever queued (a set);
* ``:seeded`` — the worker that seeds the crawl (``SET NX``: the start requests go in once);
* ``:ready`` — written when seeding is done: the home page the seeder fetched (may be empty);
* ``:workers`` — live workers: worker id → its last heartbeat (Redis server time, seconds);
* ``:inflight:<worker>`` — the requests a worker popped and has not finished (id → request).

A request moves from the queue to its worker's ledger in one atomic step and leaves the ledger
once its callback's output is stored and queued. A worker whose heartbeat is older than
``dead_after`` seconds is dead: its ledger goes back into the queue, so nothing it held is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from redis import Redis

POP_SCRIPT = """
local found = redis.call('ZRANGE', KEYS[1], 0, 0)
if #found == 0 then return false end
redis.call('ZREM', KEYS[1], found[1])
local id = redis.sha1hex(found[1])
redis.call('HSET', KEYS[2], id, found[1])
return {id, found[1]}
"""

# Reaps the dead workers (KEYS: workers, queue; ARGV: me, dead_after, ledger prefix).
_REAP = """
local now = tonumber(redis.call('TIME')[1])
local reaped = 0
local workers = redis.call('HGETALL', KEYS[1])
for i = 1, #workers, 2 do
  local worker, seen = workers[i], tonumber(workers[i + 1])
  if worker ~= ARGV[1] and now - seen > tonumber(ARGV[2]) then
    local ledger = ARGV[3] .. worker
    for _, data in ipairs(redis.call('HVALS', ledger)) do
      redis.call('ZADD', KEYS[2], 0, data)
      reaped = reaped + 1
    end
    redis.call('DEL', ledger)
    redis.call('HDEL', KEYS[1], worker)
  end
end
"""

HEARTBEAT_SCRIPT = (
    _REAP
    + """
redis.call('HSET', KEYS[1], ARGV[1], now)
return reaped
"""
)

# Counts the queued and in-flight requests of the whole cluster.
_PENDING = """
local function pending()
  local total = redis.call('ZCARD', KEYS[2])
  for _, worker in ipairs(redis.call('HKEYS', KEYS[1])) do
    total = total + redis.call('HLEN', ARGV[3] .. worker)
  end
  return total
end
"""

PENDING_SCRIPT = _PENDING + "return pending()"

# KEYS: workers, queue, seeded, ready, dupefilter. A drained, seeded crawl is over: a worker
# joining it starts the next round (the dupefilter is cleared and the crawl is seeded again).
JOIN_SCRIPT = (
    _PENDING
    + _REAP
    + """
if redis.call('EXISTS', KEYS[4]) == 1 and pending() == 0 then
  redis.call('DEL', KEYS[3], KEYS[4], KEYS[5])
end
redis.call('HSET', KEYS[1], ARGV[1], now)
if redis.call('SET', KEYS[3], ARGV[1], 'NX') then return 1 end
return 0
"""
)

# KEYS: workers, seeded, ready. A seeder that died before it was done is replaced.
TAKE_OVER_SCRIPT = """
if redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
local seeder = redis.call('GET', KEYS[2])
if seeder and redis.call('HEXISTS', KEYS[1], seeder) == 1 then return 0 end
redis.call('SET', KEYS[2], ARGV[1])
return 1
"""

# KEYS: workers, queue, own ledger, then every key of the crawl. Unfinished requests go back;
# the last worker to leave a drained crawl deletes its keys.
LEAVE_SCRIPT = """
local returned = 0
for _, data in ipairs(redis.call('HVALS', KEYS[3])) do
  redis.call('ZADD', KEYS[2], 0, data)
  returned = returned + 1
end
redis.call('DEL', KEYS[3])
redis.call('HDEL', KEYS[1], ARGV[1])
if redis.call('HLEN', KEYS[1]) == 0 and redis.call('ZCARD', KEYS[2]) == 0 then
  redis.call('DEL', unpack(KEYS, 4))
  return {returned, 1}
end
return {returned, 0}
"""


@dataclass(frozen=True, slots=True)
class Left:
    """What leaving the crawl did: requests returned to the queue, keys deleted or not."""

    returned: int
    cleared: bool


class Frontier:
    """One worker's handle on a crawl's shared frontier (all the multi-key steps are atomic)."""

    def __init__(self, server: Redis, prefix: str, worker_id: str, dead_after: float) -> None:
        self.server = server
        self.prefix = prefix
        self.worker_id = worker_id
        self.dead_after = dead_after
        self._pop = server.register_script(POP_SCRIPT)
        self._heartbeat = server.register_script(HEARTBEAT_SCRIPT)
        self._pending = server.register_script(PENDING_SCRIPT)
        self._join = server.register_script(JOIN_SCRIPT)
        self._take_over = server.register_script(TAKE_OVER_SCRIPT)
        self._leave = server.register_script(LEAVE_SCRIPT)

    def key(self, name: str) -> str:
        """Return the full Redis key ``<prefix>:<name>``."""
        return f"{self.prefix}:{name}"

    @property
    def ledger(self) -> str:
        """Return the key of this worker's in-flight ledger."""
        return self.key(f"inflight:{self.worker_id}")

    def crawl_keys(self) -> list[str]:
        """Return the keys that together are the crawl's state."""
        names = ("requests", "dupefilter", "seeded", "ready", "workers")
        return [self.key(name) for name in names]

    def _args(self) -> list[Any]:
        return [self.worker_id, self.dead_after, self.key("inflight:")]

    def join(self) -> bool:
        """Register this worker; return True when it must seed the crawl (it won the guard)."""
        keys = [self.key(name) for name in ("workers", "requests", "seeded", "ready", "dupefilter")]
        return bool(self._join(keys=keys, args=self._args()))

    def take_over(self) -> bool:
        """Become the seeder when the one that claimed seeding died before it was done."""
        keys = [self.key("workers"), self.key("seeded"), self.key("ready")]
        return bool(self._take_over(keys=keys, args=[self.worker_id]))

    def publish_ready(self, home_page: bytes) -> None:
        """Mark the crawl as seeded, with the home page the CMS family was detected from."""
        self.server.set(self.key("ready"), home_page)

    def ready(self) -> bytes | None:
        """Return the seeder's home page once seeding is done (None while it is not)."""
        value: Any = self.server.get(self.key("ready"))
        return bytes(value) if value is not None else None

    def pop(self) -> tuple[str, bytes] | None:
        """Move the next request from the queue into this worker's ledger; return (id, data)."""
        found = self._pop(keys=[self.key("requests"), self.ledger])
        if not found:
            return None
        entry_id, data = found
        return (entry_id.decode() if isinstance(entry_id, bytes) else str(entry_id)), bytes(data)

    def ack(self, entry_id: str) -> None:
        """Remove a finished request from this worker's ledger."""
        self.server.hdel(self.ledger, entry_id)

    def heartbeat(self) -> int:
        """Say this worker is alive; return the requests taken back from dead workers."""
        keys = [self.key("workers"), self.key("requests")]
        return int(self._heartbeat(keys=keys, args=self._args()))

    def pending(self) -> int:
        """Return the requests queued or in flight anywhere in the cluster."""
        keys = [self.key("workers"), self.key("requests")]
        return int(self._pending(keys=keys, args=self._args()))

    def live_workers(self) -> int:
        """Return how many workers are registered (dead ones until they are reaped)."""
        return int(self.server.hlen(self.key("workers")))

    def leave(self) -> Left:
        """Give back this worker's unfinished requests and unregister it."""
        keys = [self.key("workers"), self.key("requests"), self.ledger, *self.crawl_keys()]
        returned, cleared = self._leave(keys=keys, args=[self.worker_id])
        return Left(returned=int(returned), cleared=bool(cleared))
