import { Anchor } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';

const URL_PATTERN = /(https?:\/\/[^\s<>"')\]]+)/g;

/** Plain e-mail text with its web addresses turned into links; nothing is parsed as HTML. */
export function LinkifiedText({ text }: { text: string }): ReactElement {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const index = match.index ?? 0;
    const url = match[0].replace(/[.,;:!?]+$/, '');
    if (index > last) parts.push(text.slice(last, index));
    parts.push(
      <Anchor key={index} href={url} style={{ wordBreak: 'break-all' }}>
        {url}
      </Anchor>,
    );
    last = index + url.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
