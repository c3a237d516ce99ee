package concurrencylab.results.format;

import concurrencylab.display.Renderer;
import concurrencylab.results.RunResult;
import concurrencylab.results.SpeedupResult;
import concurrencylab.results.TimeResult;
import concurrencylab.results.TimeitResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders the harness's result values: their text, and HTML tables where a table helps. */
public final class ResultRenderer implements Renderer {

    @Override
    public Map<String, String> render(Object value, String requestedMime) {
        Map<String, String> data = new LinkedHashMap<>();
        switch (value) {
            case SpeedupResult speedup -> {
                data.put("text/html", HtmlFormat.speedup(speedup));
                data.put("text/plain", speedup.text());
            }
            case RunResult run -> {
                data.put("text/html", HtmlFormat.run(run));
                data.put("text/plain", run.summary());
            }
            case ProgressBar bar -> {
                data.put("text/html", HtmlFormat.progress(bar));
                data.put("text/plain", bar.text());
            }
            case TimeitResult timeit -> data.put("text/plain", timeit.toString());
            case TimeResult time -> data.put("text/plain", time.toString());
            case null, default -> {
                return null;
            }
        }
        return data;
    }
}
