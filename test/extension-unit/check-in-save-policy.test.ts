// When a check-in (by hand or from sources) saves the document it edited: only when it had
// no unsaved changes, judged by VS Code's dirty flag and by the text on disk.

import { strict as assert } from 'node:assert';
import type { Uri } from 'vscode';
import { beforeEdit, savesAfterEdit } from '../../src/extension/check-in/save-policy';

const TEXT = 'version: 1\nobjectives: []\n';
const uri = { fsPath: '/w/team.okr.yaml' } as Uri;
const utf8 = (text: string) => new TextEncoder().encode(text);

function document(text: string, isDirty: boolean | (() => boolean)) {
  return {
    uri,
    getText: () => text,
    get isDirty() {
      return typeof isDirty === 'function' ? isDirty() : isDirty;
    },
  };
}

describe('check-in save policy (extension)', () => {
  it('saves a clean document whose text is the file on disk', async () => {
    assert.equal(savesAfterEdit(await beforeEdit(document(TEXT, false), async () => utf8(TEXT))), true);
  });

  it('saves a clean document of a file with a byte-order mark (the editor shows it without)', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]);
    assert.equal(savesAfterEdit(await beforeEdit(document(TEXT, false), async () => bytes)), true);
  });

  it('does not save a document VS Code still calls clean whose text is not the file (an edit a moment ago)', async () => {
    const before = await beforeEdit(document(`# unsaved\n${TEXT}`, false), async () => utf8(TEXT));
    assert.equal(before.isDirty, false);
    assert.equal(savesAfterEdit(before), false);
  });

  it('does not save a dirty document, nor one that turns dirty while the file is read', async () => {
    assert.equal(savesAfterEdit(await beforeEdit(document(TEXT, true), async () => utf8(TEXT))), false);
    let dirty = false;
    const turning = document(TEXT, () => dirty);
    const before = await beforeEdit(turning, async () => {
      dirty = true;
      return utf8(TEXT);
    });
    assert.equal(savesAfterEdit(before), false);
  });

  it('does not save when the file cannot be read or is not UTF-8', async () => {
    assert.equal(
      savesAfterEdit(
        await beforeEdit(document(TEXT, false), async () => {
          throw new Error('EACCES');
        }),
      ),
      false,
    );
    assert.equal(savesAfterEdit(await beforeEdit(document(TEXT, false), async () => new Uint8Array([0xff, 0xfe, 0x41]))), false);
  });
});
