/**
 * SES: the identity the pack is sent as, and the configuration set every send uses so
 * that bounced and complained-about addresses are suppressed and made visible to the
 * officers (on the alert topic) rather than silently dropped.
 */
import { Stack } from 'aws-cdk-lib';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface EmailProps {
  /** The sender address or its domain. */
  readonly identity: string;
  /** Where bounce, complaint, reject and delivery-delay events are published. */
  readonly eventTopic: sns.ITopic;
}

export class Email extends Construct {
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  /** ARN of the identity, for `ses:SendRawEmail` permissions. */
  readonly identityArn: string;
  /** ARN of the configuration set, for `ses:SendRawEmail` permissions. */
  readonly configurationSetArn: string;

  constructor(scope: Construct, id: string, props: EmailProps) {
    super(scope, id);

    this.identity = new ses.EmailIdentity(this, 'SenderIdentity', {
      identity: props.identity.includes('@') ? ses.Identity.email(props.identity) : ses.Identity.domain(props.identity),
    });

    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      // Never send to an address that bounced or complained, account-wide list included.
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      // Packs about children must not travel in clear text between mail servers.
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      sendingEnabled: true,
    });
    this.configurationSet.addEventDestination('ProblemEventsToAlerts', {
      destination: ses.EventDestination.snsTopic(props.eventTopic),
      events: [
        ses.EmailSendingEvent.BOUNCE,
        ses.EmailSendingEvent.COMPLAINT,
        ses.EmailSendingEvent.REJECT,
        ses.EmailSendingEvent.DELIVERY_DELAY,
      ],
    });

    const stack = Stack.of(this);
    this.identityArn = this.identity.emailIdentityArn;
    this.configurationSetArn = stack.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
  }
}
