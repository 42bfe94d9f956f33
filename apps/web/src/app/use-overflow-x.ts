import { type RefObject, useEffect, useState } from 'react';

/**
 * Whether the element is wider inside than it shows (it scrolls sideways), kept current as the
 * element or its content changes size (ResizeObserver: a turned phone, a table that loads).
 */
export function useOverflowX(ref: RefObject<HTMLElement | null>): boolean {
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    // One pixel of slack: sub-pixel widths round differently in scrollWidth and clientWidth.
    const measure = (): void => setOverflows(element.scrollWidth > element.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of Array.from(element.children)) observer.observe(child);
    return () => observer.disconnect();
  }, [ref]);
  return overflows;
}
