-- Extends the lease only if this holder still owns it.
-- KEYS[1] the lease, ARGV[1] the holder's identity, ARGV[2] the lease time in ms
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
