package dev.basin.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Carries out a kernel's {@link Procedure}, recording every operation in its {@link WorkTrace}. Rule: at each position
 * the longest stretch (two steps or more) that is a tool in the kernel's {@link Repertoire} runs as that tool, through
 * {@link ToolService#run(String, JsonNode, ResultCheck)} (the interpreter; the use is counted); a failed use (the
 * pipeline failed, its output broke the output schema, or the result failed the kernel's check) is recorded as such,
 * and the kernel then performs that step itself. Any other step is performed by hand, by the same operations.
 */
public final class Workbench {
    private final ToolService tools;
    private final Interpreter interpreter;

    Workbench(ToolService tools, Interpreter interpreter) {
        this.tools = Objects.requireNonNull(tools, "tools");
        this.interpreter = interpreter;
    }

    /** Carries out {@code procedure}; its results are bound in {@code trace}. Returns the tool uses, in order. */
    public List<ToolUse> carryOut(WorkTrace trace, Procedure procedure, Repertoire known, ResultCheck check) {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(known, "known");
        ResultCheck c = check == null ? ResultCheck.NONE : check;
        int proc = trace.nextProcedure();
        List<Procedure.Planned> steps = procedure.steps();
        List<ToolUse> uses = new ArrayList<>();
        int pos = 0;
        while (pos < steps.size()) {
            int covered = 0;
            for (int len = steps.size() - pos; len >= 2 && covered == 0; len--) {
                Stretch s = Stretch.of(steps.subList(pos, pos + len));
                String toolId = known.toolFor(s.canonical());
                if (toolId == null) {
                    continue;
                }
                ToolRow tool = tools.tool(toolId);
                try {
                    JsonNode out = tools.run(toolId, s.input(trace.values()), c);
                    for (Procedure.Planned p : steps.subList(pos, pos + len)) {
                        trace.put(p.as(), out.get(p.as()));
                        trace.record(p, proc, toolId);
                    }
                    uses.add(new ToolUse(toolId, tool.toolName(), s.operations(), true, null, out));
                    covered = len;
                } catch (ToolExecutionException e) {
                    uses.add(new ToolUse(toolId, tool.toolName(), s.operations(), false, e.getMessage(), null));
                    break;
                }
            }
            if (covered == 0) {
                byHand(trace, steps.get(pos), proc);
                pos++;
            } else {
                pos += covered;
            }
        }
        return uses;
    }

    private void byHand(WorkTrace trace, Procedure.Planned step, int proc) {
        Map<String, JsonNode> args = new HashMap<>();
        step.args().forEach((param, name) -> args.put(param, trace.value(name)));
        trace.put(step.as(), interpreter.apply(step.op(), step.as(), args));
        trace.record(step, proc, null);
    }
}
