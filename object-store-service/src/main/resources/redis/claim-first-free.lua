-- Claims the first free value among the candidates, in their order.
-- KEYS: 1 the set of claimed values
-- ARGV: the candidates
-- Returns the value claimed, or false (nil) when every candidate is taken.
for i = 1, #ARGV do
  if redis.call('SADD', KEYS[1], ARGV[i]) == 1 then
    return ARGV[i]
  end
end
return false
