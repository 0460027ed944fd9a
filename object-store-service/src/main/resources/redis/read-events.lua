-- Reads the events of one stream after a revision, together with the compacted and the current
-- revision, all at one instant: when compacted <= after, no event after it has been trimmed, and
-- when no event is returned, none at or below the current revision will ever appear.
-- KEYS: 1 event stream, 2 compacted revision, 3 revision counter
-- ARGV: 1 revision to read after, 2 most events to return
-- Returns {compacted, current revision, id, type, object JSON, id, type, object JSON, ...};
-- no events when compacted > ARGV[1].
local compacted = tonumber(redis.call('GET', KEYS[2]) or '0')
local revision = tonumber(redis.call('GET', KEYS[3]) or '0')
local result = {compacted, revision}
if compacted > tonumber(ARGV[1]) then
  return result
end
local entries = redis.call('XRANGE', KEYS[1], '(' .. ARGV[1] .. '-0', '+', 'COUNT', ARGV[2])
for _, entry in ipairs(entries) do
  local fields = entry[2]
  local event_type, object
  for i = 1, #fields, 2 do
    if fields[i] == 'type' then
      event_type = fields[i + 1]
    elseif fields[i] == 'object' then
      object = fields[i + 1]
    end
  end
  result[#result + 1] = entry[1]
  result[#result + 1] = event_type
  result[#result + 1] = object
end
return result
