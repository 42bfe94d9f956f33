import { describe, expect, it } from 'vitest';
import { acceptedMediaType } from './media-types';

const b = (s: string): Buffer => Buffer.from(s, 'latin1');

describe('accepted media types', () => {
  it('accepts a declared type whose bytes match', () => {
    expect(acceptedMediaType('audio/mpeg', b('ID3\x04\x00rest'))).toBe('audio/mpeg');
    expect(acceptedMediaType('audio/mpeg', Buffer.from([0xff, 0xfb, 0x90, 0x00]))).toBe(
      'audio/mpeg',
    );
    expect(acceptedMediaType('audio/wav', b('RIFF\x24\x00\x00\x00WAVEfmt '))).toBe('audio/wav');
    expect(acceptedMediaType('audio/ogg', b('OggS\x00\x02'))).toBe('audio/ogg');
    expect(acceptedMediaType('audio/flac', b('fLaC\x00\x00'))).toBe('audio/flac');
    expect(acceptedMediaType('audio/x-m4a', b('\x00\x00\x00\x20ftypM4A '))).toBe('audio/x-m4a');
    expect(acceptedMediaType('application/pdf', b('%PDF-1.7\n'))).toBe('application/pdf');
    expect(
      acceptedMediaType('text/plain; charset=utf-8', Buffer.from('Night Shift — verse 1\n')),
    ).toBe('text/plain');
  });

  it('refuses undeclared types, mismatched bytes, binary "text" and empty files', () => {
    expect(acceptedMediaType('application/x-msdownload', b('MZ\x90\x00'))).toBeUndefined();
    expect(acceptedMediaType('audio/mpeg', b('MZ\x90\x00'))).toBeUndefined();
    expect(acceptedMediaType('application/pdf', b('<html>'))).toBeUndefined();
    expect(acceptedMediaType('text/plain', Buffer.from([0xc3, 0x28, 0x41]))).toBeUndefined();
    expect(acceptedMediaType('text/plain', Buffer.from([0x41, 0x00, 0x42]))).toBeUndefined();
    expect(acceptedMediaType('audio/ogg', Buffer.alloc(0))).toBeUndefined();
  });
});
