import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** The throttle bar's message: who is limiting the console, why, and when it tries again. */
export function ThrottleMessage({
  className,
  service,
  why,
  seconds,
  waiting,
}: {
  className: string | undefined;
  service: string;
  why: string;
  seconds: number;
  waiting: number;
}) {
  return (
    <MessageBar className={className} intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Waiting for {service}</MessageBarTitle>
        {why}{' '}
        <span role="timer" aria-live="off">
          Trying again in {seconds} s
        </span>
        {waiting > 1 ? ` (${waiting} requests waiting).` : '.'}
      </MessageBarBody>
    </MessageBar>
  );
}
