"""numpy/scipy reference for the browser benchmark: the same cost+gradient and training.

Reads a MAT file holding X (m x n, 0..1), y (labels 1..K) and the initial Theta1, Theta2 (the
engine's seeded initialization), then prints one JSON object with the median and minimum time of
one cost+gradient evaluation and the wall time of scipy's L-BFGS-B until the training accuracy
reaches the target.
"""
import argparse
import json
import time

import numpy as np
import scipy.io
import scipy.optimize


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def unpack(theta, n, hidden, labels):
    split = hidden * (n + 1)
    theta1 = theta[:split].reshape((hidden, n + 1), order="F")
    theta2 = theta[split:].reshape((labels, hidden + 1), order="F")
    return theta1, theta2


def cost_and_gradient(theta, x1, y_onehot, lam, hidden):
    m, n_bias = x1.shape
    labels = y_onehot.shape[1]
    theta1, theta2 = unpack(theta, n_bias - 1, hidden, labels)
    z2 = x1 @ theta1.T
    a2 = np.empty((m, hidden + 1))
    a2[:, 0] = 1.0
    a2[:, 1:] = sigmoid(z2)
    z3 = a2 @ theta2.T
    # -log g(z) = logaddexp(0, -z), stable for large |z|.
    cost = np.sum(y_onehot * np.logaddexp(0, -z3) + (1 - y_onehot) * np.logaddexp(0, z3)) / m
    cost += lam / (2 * m) * (np.sum(theta1[:, 1:] ** 2) + np.sum(theta2[:, 1:] ** 2))
    delta3 = sigmoid(z3) - y_onehot
    delta2 = (delta3 @ theta2[:, 1:]) * a2[:, 1:] * (1 - a2[:, 1:])
    grad1 = delta2.T @ x1 / m
    grad2 = delta3.T @ a2 / m
    grad1[:, 1:] += lam / m * theta1[:, 1:]
    grad2[:, 1:] += lam / m * theta2[:, 1:]
    return cost, np.concatenate([grad1.ravel(order="F"), grad2.ravel(order="F")])


def accuracy(theta, x1, y, hidden, labels):
    theta1, theta2 = unpack(theta, x1.shape[1] - 1, hidden, labels)
    a2 = np.hstack([np.ones((x1.shape[0], 1)), sigmoid(x1 @ theta1.T)])
    predicted = np.argmax(a2 @ theta2.T, axis=1) + 1
    return float(np.mean(predicted == y))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True, help="MAT file with X, y, Theta1, Theta2")
    parser.add_argument("--lambda", dest="lam", type=float, default=1.0)
    parser.add_argument("--evals", type=int, default=40, help="timed evaluations")
    parser.add_argument("--target", type=float, default=0.985, help="training accuracy to reach")
    parser.add_argument("--max-iterations", type=int, default=1000)
    args = parser.parse_args()

    data = scipy.io.loadmat(args.data)
    x = np.asarray(data["X"], dtype=np.float64)
    y = np.asarray(data["y"], dtype=np.int64).ravel()
    theta1, theta2 = data["Theta1"], data["Theta2"]
    hidden, labels = theta1.shape[0], theta2.shape[0]
    theta0 = np.concatenate([theta1.ravel(order="F"), theta2.ravel(order="F")])
    x1 = np.hstack([np.ones((x.shape[0], 1)), x])
    y_onehot = (y[:, None] == np.arange(1, labels + 1)[None, :]).astype(np.float64)

    for _ in range(5):
        cost_and_gradient(theta0, x1, y_onehot, args.lam, hidden)
    times = []
    for _ in range(args.evals):
        start = time.perf_counter()
        cost_and_gradient(theta0, x1, y_onehot, args.lam, hidden)
        times.append((time.perf_counter() - start) * 1000)

    iterations = 0
    reached = False

    def stop_at_target(intermediate_result):
        nonlocal iterations, reached
        iterations += 1
        if accuracy(intermediate_result.x, x1, y, hidden, labels) >= args.target:
            reached = True
            raise StopIteration

    start = time.perf_counter()
    scipy.optimize.minimize(
        cost_and_gradient, theta0, args=(x1, y_onehot, args.lam, hidden), jac=True,
        method="L-BFGS-B", callback=stop_at_target,
        options={"maxiter": args.max_iterations, "maxcor": 10})
    seconds = time.perf_counter() - start

    print(json.dumps({
        "engine": "numpy " + np.__version__ + " + scipy " + scipy.__version__ + " L-BFGS-B",
        "evalMsMedian": float(np.median(times)),
        "evalMsMin": float(np.min(times)),
        "evals": args.evals,
        "trainSecondsTo985": seconds if reached else None,
        "trainIterations": iterations,
    }))


if __name__ == "__main__":
    main()
