import { useEffect, useState } from 'react';

import { keptChangesCount } from './pendingStore';

/**
 * How many changes wait on this device to be sent (undefined while counting). Counted once per mount: the screens
 * using it show the state found when they open (offline after a reload, or just signed in again).
 */
export function useKeptChangesCount(): number | undefined {
  const [count, setCount] = useState<number>();
  useEffect(() => {
    let current = true;
    void keptChangesCount()
      .catch(() => 0)
      .then((n) => {
        if (current) setCount(n);
      });
    return () => {
      current = false;
    };
  }, []);
  return count;
}
