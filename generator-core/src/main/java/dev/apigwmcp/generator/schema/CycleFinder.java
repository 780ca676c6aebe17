package dev.apigwmcp.generator.schema;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Tarjan's strongly connected components over the reference graph: a node is cyclic when its component has more
 * than one node or it refers to itself. Iterative, so a long chain of references cannot overflow the stack.
 */
final class CycleFinder {
    private final Map<String, Set<String>> edges;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> lowLink = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new HashSet<>();
    private final Set<String> cyclic = new HashSet<>();
    private int counter;

    CycleFinder(Map<String, Set<String>> edges) {
        this.edges = edges;
    }

    Set<String> cyclicNodes() {
        for (String node : edges.keySet()) {
            if (!index.containsKey(node)) {
                strongConnect(node);
            }
        }
        return cyclic;
    }

    /** One DFS frame: the node and an iterator over its successors. */
    private record Frame(String node, java.util.Iterator<String> next) {}

    private void strongConnect(String root) {
        Deque<Frame> frames = new ArrayDeque<>();
        enter(root, frames);
        while (!frames.isEmpty()) {
            Frame frame = frames.peek();
            if (frame.next().hasNext()) {
                String to = frame.next().next();
                if (!index.containsKey(to)) {
                    enter(to, frames);
                } else if (onStack.contains(to)) {
                    lowLink.put(frame.node(), Math.min(lowLink.get(frame.node()), index.get(to)));
                }
                continue;
            }
            frames.pop();
            String node = frame.node();
            if (!frames.isEmpty()) {
                String parent = frames.peek().node();
                lowLink.put(parent, Math.min(lowLink.get(parent), lowLink.get(node)));
            }
            if (lowLink.get(node).equals(index.get(node))) {
                popComponent(node);
            }
        }
    }

    private void enter(String node, Deque<Frame> frames) {
        index.put(node, counter);
        lowLink.put(node, counter);
        counter++;
        stack.push(node);
        onStack.add(node);
        frames.push(new Frame(node, edges.getOrDefault(node, Set.of()).iterator()));
    }

    private void popComponent(String root) {
        Set<String> members = new HashSet<>();
        String member;
        do {
            member = stack.pop();
            onStack.remove(member);
            members.add(member);
        } while (!member.equals(root));
        if (members.size() > 1 || edges.getOrDefault(root, Set.of()).contains(root)) {
            cyclic.addAll(members);
        }
    }
}
