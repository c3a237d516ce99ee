package concurrencylab.harness;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import concurrencylab.harness.gil.GilPolicy;
import java.io.IOException;

/** The JSON of the options records: fields by name, null ones left out, modes and GIL policies by the names users type. */
final class OptionsJson {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping()
            .registerTypeAdapter(Mode.class, new ModeAdapter().nullSafe())
            .registerTypeAdapter(GilPolicy.class, new GilPolicyAdapter().nullSafe()).create();

    private OptionsJson() {
    }

    static String write(HarnessOptions options) {
        return GSON.toJson(options);
    }

    static <T extends HarnessOptions> T read(String json, Class<T> type) {
        T options = GSON.fromJson(json, type);
        if (options == null) {
            throw new IllegalArgumentException("no " + type.getSimpleName() + " in '" + json + "'");
        }
        return options;
    }

    private static final class ModeAdapter extends TypeAdapter<Mode> {
        @Override
        public void write(JsonWriter out, Mode mode) throws IOException {
            out.value(mode.label());
        }

        @Override
        public Mode read(JsonReader in) throws IOException {
            try {
                return Mode.parse(in.nextString());
            } catch (IllegalArgumentException e) {
                throw new JsonParseException(e.getMessage(), e);
            }
        }
    }

    private static final class GilPolicyAdapter extends TypeAdapter<GilPolicy> {
        @Override
        public void write(JsonWriter out, GilPolicy policy) throws IOException {
            out.value(policy.label());
        }

        @Override
        public GilPolicy read(JsonReader in) throws IOException {
            try {
                return GilPolicy.parse(in.nextString());
            } catch (IllegalArgumentException e) {
                throw new JsonParseException(e.getMessage(), e);
            }
        }
    }
}
