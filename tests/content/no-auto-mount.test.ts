/**
 * The build replaces `@1natsu/wait-element` with no-auto-mount.ts (wxt.config.ts): WXT needs it for
 * autoMount only. The panel must never ask for autoMount, and if anything did, it must fail, not wait.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitElement } from '../../entrypoints/positions.content/no-auto-mount';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('no-auto-mount', () => {
  it('rejects, naming itself, instead of waiting for an element', async () => {
    await expect(waitElement()).rejects.toThrow('no-auto-mount.ts');
  });

  it('stands in only where autoMount is not used: the content script mounts its UI itself', () => {
    const sources = fs
      .readdirSync(path.join(ROOT, 'entrypoints/positions.content'))
      .filter((file) => /\.tsx?$/.test(file) && file !== 'no-auto-mount.ts')
      .map((file) =>
        fs.readFileSync(path.join(ROOT, 'entrypoints/positions.content', file), 'utf8'),
      );
    const mountPanel = fs.readFileSync(
      path.join(ROOT, 'entrypoints/positions.content/mount-panel.tsx'),
      'utf8',
    );
    expect(mountPanel).toContain('ui.mount()');
    for (const source of sources) expect(source).not.toMatch(/autoMount\s*\(/);
  });

  it('is wired as the alias of exactly that module in the build', () => {
    const config = fs.readFileSync(path.join(ROOT, 'wxt.config.ts'), 'utf8');
    expect(config).toContain('find: /^@1natsu\\/wait-element$/');
    expect(config).toContain('./entrypoints/positions.content/no-auto-mount.ts');
  });
});
