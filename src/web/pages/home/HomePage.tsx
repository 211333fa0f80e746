import { useSession } from '../../session/SessionProvider.tsx';
import '../../theme/home.css';
import { SignedInHome } from './SignedInHome.tsx';
import { SignedOutHome } from './SignedOutHome.tsx';

export function HomePage() {
  const { state } = useSession();
  if (state.status === 'signed-in' && state.me.session.stage === 'done') return <SignedInHome me={state.me} />;
  return <SignedOutHome />;
}
