-- Stores a new object, its index entry and its ADDED event under the next revision.
-- KEYS: 1 revision counter, 2 object, 3 index, 4 event stream
-- ARGV: 1 object JSON whose metadata.resourceVersion is ARGV[2], 2 that placeholder,
--       3 index member "<ns>/<name>", 4 time to live in ms (0 = none)
-- Returns the new revision, or -1 when the object exists.
if redis.call('EXISTS', KEYS[2]) == 1 then
  return -1
end
local rev = string.format('%d', redis.call('INCR', KEYS[1]))
local at = string.find(ARGV[1], ARGV[2], 1, true)
local json = string.sub(ARGV[1], 1, at - 1) .. rev .. string.sub(ARGV[1], at + #ARGV[2])
local ttl = tonumber(ARGV[4])
if ttl > 0 then
  redis.call('SET', KEYS[2], json, 'PX', ttl)
else
  redis.call('SET', KEYS[2], json)
end
redis.call('ZADD', KEYS[3], 0, ARGV[3])
redis.call('XADD', KEYS[4], rev .. '-0', 'type', 'ADDED', 'object', json)
return tonumber(rev)
