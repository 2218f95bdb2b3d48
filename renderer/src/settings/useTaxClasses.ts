import { useEffect, useState } from 'react';
import type { NamedTaxClass } from '@app/tax/tax-class';
import { useApi } from '../api/api-context';

/** The shop's tax classes, for screens that print a class's name (empty until they arrive). */
export function useTaxClasses(): readonly NamedTaxClass[] {
  const api = useApi();
  const [classes, setClasses] = useState<readonly NamedTaxClass[]>([]);
  useEffect(() => {
    let current = true;
    void api.invoke('settings.get', {}).then((r) => {
      if (current && r.ok) setClasses(r.value.taxClasses);
    });
    return () => {
      current = false;
    };
  }, [api]);
  return classes;
}
