-- The changes of one resource after a revision, read atomically with the revision counters, so
-- the caller knows both what changed and up to which revision nothing else did.
-- KEYS[1] the resource's event stream, KEYS[2] the compacted revision, KEYS[3] the global revision
-- ARGV[1] the first entry ID to return (<after + 1>-0), ARGV[2] the most entries to return
-- Returns {compacted, revision, entries}; each entry is {id, {field, value, ...}}.
local compacted = redis.call('GET', KEYS[2]) or '0'
local revision = redis.call('GET', KEYS[3]) or '0'
local entries = redis.call('XRANGE', KEYS[1], ARGV[1], '+', 'COUNT', ARGV[2])
return {compacted, revision, entries}
