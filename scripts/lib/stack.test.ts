import { expect } from 'chai';
import { startStack, TEST_PORTS } from './stack.js';

describe('embedded development stack', () => {
  it('refuses to start in production, before starting anything', async () => {
    let error: unknown;
    await startStack({ dataDir: '/nonexistent', ports: TEST_PORTS, source: { NODE_ENV: 'production' } }).catch((e: unknown) => (error = e));
    expect(String(error)).to.match(/refused in production/);
  });
});
