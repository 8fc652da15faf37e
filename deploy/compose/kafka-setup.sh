#!/bin/bash
# Starts the broker of deploy/compose, then gives each service its SCRAM-SHA-512 user, the topics and its ACLs
# (issue 22, item 1): write its own topic and dead-letter topic, read the topics it consumes, in its own group; the
# same grants as the Kubernetes KafkaUsers (deploy/k8s/base/kafka/users.yaml) and case-events Topics. fhir-service, a
# read model, owns no topic: it writes only its dead-letter topic. It talks to the broker on the SETUP listener, which
# only the container's own loopback reaches.
set -euo pipefail
rm -f /tmp/tumorboard-kafka-ready # healthy only once this start has set the users and ACLs up again
/etc/kafka/docker/run &
broker=$!
bin=/opt/kafka/bin
setup=(--bootstrap-server 127.0.0.1:9094)
until "$bin/kafka-broker-api-versions.sh" "${setup[@]}" > /dev/null 2>&1; do
  kill -0 "$broker" 2> /dev/null || exit 1
  sleep 2
done

user() { # name password
  "$bin/kafka-configs.sh" "${setup[@]}" --alter --entity-type users --entity-name "$1" \
    --add-config "SCRAM-SHA-512=[password=$2]" > /dev/null
}
topic() {
  "$bin/kafka-topics.sh" "${setup[@]}" --create --if-not-exists --topic "$1" --partitions 6 --replication-factor 1 > /dev/null
}
allow() { # principal operation... --topic/--group name
  local principal=$1; shift
  "$bin/kafka-acls.sh" "${setup[@]}" --add --allow-principal "User:$principal" "$@" > /dev/null
}
grant() { # service own-topic consumed-topic...   (own-topic "-": a read model, which publishes on none)
  local service=$1 own=$2; shift 2
  if [ "$own" != - ]; then
    allow "$service" --operation Write --operation Describe --topic "$own"
  fi
  allow "$service" --operation Write --operation Describe --topic "$service.dead-letter"
  for consumed in "$@"; do
    allow "$service" --operation Read --operation Describe --topic "$consumed"
  done
  allow "$service" --operation Read --operation Describe --group "$service"
}

user intake-service "$INTAKE_KAFKA_PASSWORD"
user pathology-service "$PATHOLOGY_KAFKA_PASSWORD"
user staging-service "$STAGING_KAFKA_PASSWORD"
user board-service "$BOARD_KAFKA_PASSWORD"
user fhir-service "$FHIR_KAFKA_PASSWORD"
for t in intake.case-events pathology.report-events staging.stage-events board.case-events \
    intake-service.dead-letter pathology-service.dead-letter staging-service.dead-letter board-service.dead-letter \
    fhir-service.dead-letter; do
  topic "$t"
done
grant intake-service intake.case-events intake.case-events pathology.report-events staging.stage-events board.case-events
grant pathology-service pathology.report-events intake.case-events board.case-events
grant staging-service staging.stage-events intake.case-events pathology.report-events board.case-events
grant board-service board.case-events intake.case-events pathology.report-events staging.stage-events
grant fhir-service - intake.case-events pathology.report-events staging.stage-events board.case-events
touch /tmp/tumorboard-kafka-ready
echo "tumorboard: users, topics and ACLs in place"
wait "$broker"
