-- Removes an object and its index entry, recording a DELETED event that carries the object's
-- last state with the deletion's revision as its resourceVersion.
-- KEYS: 1 revision counter, 2 object, 3 index, 4 event stream
-- ARGV: 1 index member "<ns>/<name>", 2 expected resourceVersion ('' = any)
-- Returns {revision, last state JSON}, {-2} when the object is missing, {-3} on a stale
-- resourceVersion.
local current = redis.call('GET', KEYS[2])
if not current then
  return {-2}
end
-- The store writes resourceVersion as the first field of metadata, so the first one is ours.
local _, value_start = string.find(current, '"resourceVersion":"', 1, true)
local value_end = string.find(current, '"', value_start + 1, true)
if ARGV[2] ~= '' and string.sub(current, value_start + 1, value_end - 1) ~= ARGV[2] then
  return {-3}
end
local rev = string.format('%d', redis.call('INCR', KEYS[1]))
local json = string.sub(current, 1, value_start) .. rev .. string.sub(current, value_end)
redis.call('DEL', KEYS[2])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('XADD', KEYS[4], rev .. '-0', 'type', 'DELETED', 'object', json)
return {tonumber(rev), json}
