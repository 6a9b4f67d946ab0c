# shellcheck shell=bash
# A real microphone and speaker on a machine without a sound card: PulseAudio
# with null sinks and a virtual microphone. Source this file, then call
# audio_start. Facts behind each flag: see the project's notes in README.md.
#   speaker  - null sink the app plays into; record speaker.monitor to hear it
#   micfeed  - null sink that tests play speech into (paplay --device=micfeed)
#   vmic     - the default source, a 16 kHz mono remap of micfeed.monitor
# norewinds=1: without it a WAV played into the mic loses its first 0.3-1.3 s.

AUDIO_BASE=${AUDIO_BASE:-/tmp/parley-audio}

audio_env() {
  export XDG_RUNTIME_DIR=$AUDIO_BASE/run XDG_CONFIG_HOME=$AUDIO_BASE/config
  export PULSE_SERVER=unix:$XDG_RUNTIME_DIR/pulse/native
}

audio_start() {
  audio_env
  if pactl info >/dev/null 2>&1; then return 0; fi
  mkdir -p -m 700 "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME"
  pulseaudio -D -n --exit-idle-time=-1 --disallow-exit --log-target=file:"$AUDIO_BASE/pulse.log" \
    -L "module-native-protocol-unix auth-anonymous=1 socket=$XDG_RUNTIME_DIR/pulse/native" \
    -L "module-null-sink sink_name=speaker norewinds=1 sink_properties=device.description=VirtualSpeaker" \
    -L "module-null-sink sink_name=micfeed norewinds=1 rate=16000 channels=1 sink_properties=device.description=MicFeed" \
    -L "module-remap-source source_name=vmic master=micfeed.monitor rate=16000 channels=1 source_properties=device.description=VirtualMic" \
    || return 1
  # -D returns before the socket is ready
  local i; for i in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
  pactl set-default-sink speaker && pactl set-default-source vmic
}

audio_stop() {
  audio_env
  pulseaudio --kill 2>/dev/null || true
}
