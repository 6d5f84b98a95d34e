/**
 * The configuration (server/config.ts): TRUST_PROXY, its default, every form it takes, and a clear
 * error, naming the variable, for a value Express would refuse later.
 */
import { readConfig } from '../../server/config';

test('the default: no proxy trusted', () => {
  expect(readConfig({}).trustProxy).toBe(false);
});

test.each([
  ['false', false],
  ['FALSE', false],
  ['', false],
  ['true', true],
  [' True ', true],
  ['0', 0],
  ['1', 1],
  ['2', 2],
  ['loopback', ['loopback']],
  ['loopback, linklocal, uniquelocal', ['loopback', 'linklocal', 'uniquelocal']],
  ['10.0.0.1', ['10.0.0.1']],
  ['10.0.0.0/8,192.168.1.0/255.255.255.0', ['10.0.0.0/8', '192.168.1.0/255.255.255.0']],
  ['::1, fd00::/8', ['::1', 'fd00::/8']],
])('TRUST_PROXY=%j', (value, expected) => {
  expect(readConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
});

test.each([
  ['a name Express does not know', 'proxy', /TRUST_PROXY: invalid IP address: proxy/],
  ['a subnet too wide', '10.0.0.0/33', /TRUST_PROXY: invalid range on address: 10\.0\.0\.0\/33/],
  ['a bad address in a list', 'loopback, 300.1.1.1', /TRUST_PROXY: invalid IP address: 300\.1\.1\.1/],
  ['an empty entry', 'loopback,,10.0.0.1', /TRUST_PROXY: an empty entry/],
  ['a negative count', '-1', /TRUST_PROXY: invalid IP address: -1/],
  ['yes', 'yes', /TRUST_PROXY: invalid IP address: yes/],
])('TRUST_PROXY with %s stops the start-up with a message', (_label, value, message) => {
  expect(() => readConfig({ TRUST_PROXY: value })).toThrow(message);
  expect(() => readConfig({ TRUST_PROXY: value })).toThrow(/^Invalid configuration: /);
});

test('every bad variable is named at once', () => {
  expect(() => readConfig({ TRUST_PROXY: 'x', PORT: '0' })).toThrow(
    /TRUST_PROXY: .*; PORT: |PORT: .*; TRUST_PROXY: /,
  );
});
