-- Raises the compacted revision and trims every event stream below it (XTRIM MINID keeps the
-- entry at the revision itself).
-- KEYS: 1 compacted revision, 2 revision counter, 3.. every event stream
-- ARGV: 1 revision to compact to
-- Returns the compacted revision after the call, or -1 when ARGV[1] is above the current revision.
local target = tonumber(ARGV[1])
if target > tonumber(redis.call('GET', KEYS[2]) or '0') then
  return -1
end
local old = tonumber(redis.call('GET', KEYS[1]) or '0')
if target <= old then
  return old
end
redis.call('SET', KEYS[1], ARGV[1])
for i = 3, #KEYS do
  redis.call('XTRIM', KEYS[i], 'MINID', ARGV[1] .. '-0')
end
return target
