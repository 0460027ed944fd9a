-- Replaces an existing object and records its MODIFIED event under the next revision.
-- KEYS: 1 revision counter, 2 object, 3 index, 4 event stream
-- ARGV: 1 object JSON whose metadata.resourceVersion is ARGV[2], 2 that placeholder,
--       3 index member "<ns>/<name>", 4 time to live in ms (0 = none),
--       5 expected resourceVersion ('' = any)
-- Returns the new revision, -2 when the object is missing, -3 when its resourceVersion differs.
local current = redis.call('GET', KEYS[2])
if not current then
  return -2
end
if ARGV[5] ~= '' then
  -- The store writes resourceVersion as the first field of metadata, so the first one is ours.
  local _, value_start = string.find(current, '"resourceVersion":"', 1, true)
  local value_end = string.find(current, '"', value_start + 1, true)
  if string.sub(current, value_start + 1, value_end - 1) ~= ARGV[5] then
    return -3
  end
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
redis.call('XADD', KEYS[4], rev .. '-0', 'type', 'MODIFIED', 'object', json)
return tonumber(rev)
