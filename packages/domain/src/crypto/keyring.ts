import { and, eq, isNull } from 'drizzle-orm';
import { practices } from '../identity/tables';
import type { Executor } from '../shared/transaction';
import {
  newWrappedDataKey,
  open,
  openBytes,
  seal,
  sealBytes,
  unwrapDataKey,
} from './field-encryption';

/**
 * `record`: the practice data key for the clinical record. `psychotherapy`: a separate key used only
 * for psychotherapy notes (HIPAA 45 CFR 164.501), created on first use.
 */
export type KeyClass = 'record' | 'psychotherapy';

/**
 * Encrypts and decrypts fields with each practice's data keys. Unwrapped keys are cached for the
 * life of the process (they are not per-user state and are the same in every process).
 */
export class Keyring {
  readonly #masterKey: Buffer;
  readonly #dataKeys = new Map<string, Buffer>();
  readonly #psychotherapyKeys = new Map<string, Buffer>();
  readonly #loading = new Map<string, Promise<Buffer>>();

  constructor(masterKey: Buffer) {
    this.#masterKey = masterKey;
  }

  get masterKey(): Buffer {
    return this.#masterKey;
  }

  dataKey(db: Executor, practiceId: string): Promise<Buffer> {
    const cached = this.#dataKeys.get(practiceId);
    if (cached) return Promise.resolve(cached);
    // Rows opened in parallel (Promise.all over a list) share one lookup: one query on the
    // transaction's connection, never several at once.
    const pending = this.#loading.get(practiceId);
    if (pending) return pending;
    const loading = this.#loadDataKey(db, practiceId).finally(() =>
      this.#loading.delete(practiceId),
    );
    this.#loading.set(practiceId, loading);
    return loading;
  }

  async #loadDataKey(db: Executor, practiceId: string): Promise<Buffer> {
    const [row] = await db
      .select({ wrapped: practices.wrappedDataKey })
      .from(practices)
      .where(eq(practices.id, practiceId));
    if (!row) throw new Error(`Practice ${practiceId} has no data key.`);
    const key = unwrapDataKey(this.#masterKey, row.wrapped, practiceId);
    this.#dataKeys.set(practiceId, key);
    return key;
  }

  async psychotherapyKey(db: Executor, practiceId: string): Promise<Buffer> {
    const cached = this.#psychotherapyKeys.get(practiceId);
    if (cached) return cached;
    const context = `psychotherapy-key:${practiceId}`;
    // Created once; a concurrent first use keeps whichever write won.
    await db
      .update(practices)
      .set({ wrappedPsychotherapyKey: newWrappedDataKey(this.#masterKey, context) })
      .where(and(eq(practices.id, practiceId), isNull(practices.wrappedPsychotherapyKey)));
    const [row] = await db
      .select({ wrapped: practices.wrappedPsychotherapyKey })
      .from(practices)
      .where(eq(practices.id, practiceId));
    if (!row?.wrapped) throw new Error(`Practice ${practiceId} has no psychotherapy key.`);
    const key = unwrapDataKey(this.#masterKey, row.wrapped, context);
    this.#psychotherapyKeys.set(practiceId, key);
    return key;
  }

  #key(db: Executor, practiceId: string, keyClass: KeyClass): Promise<Buffer> {
    return keyClass === 'psychotherapy'
      ? this.psychotherapyKey(db, practiceId)
      : this.dataKey(db, practiceId);
  }

  /** `purpose` names the field (e.g. "note.body:<noteId>") and is bound into the ciphertext. */
  async encrypt(
    db: Executor,
    practiceId: string,
    plaintext: string,
    purpose: string,
    keyClass: KeyClass = 'record',
  ): Promise<string> {
    return seal(await this.#key(db, practiceId, keyClass), plaintext, `${practiceId}:${purpose}`);
  }

  /**
   * Many values of one practice with the record key: one key lookup for the batch, then one seal
   * per value (bulk loads: the synthetic practice generator).
   */
  async encryptMany(
    db: Executor,
    practiceId: string,
    items: readonly { plaintext: string; purpose: string }[],
  ): Promise<string[]> {
    const key = await this.dataKey(db, practiceId);
    return items.map((item) => seal(key, item.plaintext, `${practiceId}:${item.purpose}`));
  }

  /** Binary content (uploaded files) with the record key. */
  async encryptBytes(
    db: Executor,
    practiceId: string,
    plaintext: Buffer,
    purpose: string,
  ): Promise<string> {
    return sealBytes(await this.dataKey(db, practiceId), plaintext, `${practiceId}:${purpose}`);
  }

  async decryptBytes(
    db: Executor,
    practiceId: string,
    sealed: string,
    purpose: string,
  ): Promise<Buffer> {
    return openBytes(await this.dataKey(db, practiceId), sealed, `${practiceId}:${purpose}`);
  }

  async decrypt(
    db: Executor,
    practiceId: string,
    sealed: string,
    purpose: string,
    keyClass: KeyClass = 'record',
  ): Promise<string> {
    return open(await this.#key(db, practiceId, keyClass), sealed, `${practiceId}:${purpose}`);
  }

  /** `encrypt` for a nullable column: null and undefined pass through unchanged. */
  async encryptOptional<T extends string | null | undefined>(
    db: Executor,
    practiceId: string,
    plaintext: T,
    purpose: string,
  ): Promise<T extends string ? string : T> {
    type Out = T extends string ? string : T;
    if (typeof plaintext !== 'string') return plaintext as Out;
    return (await this.encrypt(db, practiceId, plaintext, purpose)) as Out;
  }

  /** `decrypt` for a nullable column. */
  async decryptOptional(
    db: Executor,
    practiceId: string,
    sealed: string | null,
    purpose: string,
  ): Promise<string | null> {
    return sealed === null ? null : this.decrypt(db, practiceId, sealed, purpose);
  }
}
