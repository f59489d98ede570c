// A port that nothing listens on at the moment of asking, for servers a test starts (or leaves unstarted on purpose):
// the one the topology's scripts use.
export { freePort } from '../../../scripts/cluster/ports.ts'
