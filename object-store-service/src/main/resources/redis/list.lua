-- Reads one page of objects of one type, in index order, with the revision it was read at.
-- Index members whose object has expired are removed on the way.
-- KEYS: 1 revision counter, 2 index
-- ARGV: 1 object key prefix "{cetus}:obj:<res>:", 2 ZRANGEBYLEX min, 3 ZRANGEBYLEX max,
--       4 most items to return (0 = all)
-- Returns {revision, member of the last item when more follow (else ''), JSON...}.
local revision = tonumber(redis.call('GET', KEYS[1]) or '0')
local limit = tonumber(ARGV[4])
local batch = 256
if limit > 0 and limit < batch then
  batch = limit + 1
end
local items = {}
local last = ''
local more = false
local min = ARGV[2]
while not more do
  local members = redis.call('ZRANGEBYLEX', KEYS[2], min, ARGV[3], 'LIMIT', 0, batch)
  for _, member in ipairs(members) do
    local slash = string.find(member, '/', 1, true)
    local key = ARGV[1] .. string.sub(member, 1, slash - 1) .. ':' .. string.sub(member, slash + 1)
    local json = redis.call('GET', key)
    if not json then
      redis.call('ZREM', KEYS[2], member)
    elseif limit > 0 and #items == limit then
      more = true
      break
    else
      items[#items + 1] = json
      last = member
    end
  end
  if #members < batch then
    break
  end
  min = '(' .. members[#members]
end
local result = {revision, more and last or ''}
for _, json in ipairs(items) do
  result[#result + 1] = json
end
return result
