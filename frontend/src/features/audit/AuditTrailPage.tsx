import { AreaPlaceholder } from '../../shell/AreaPlaceholder';

/** Arrives with its API; until then it says so instead of showing anything made up. */
export default function AuditTrailPage() {
  return <AreaPlaceholder area="audit" />;
}
