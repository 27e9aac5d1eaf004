import { messageTrigger } from '../../src/providers/stratustexting/message-trigger';

export default messageTrigger('inbound');
