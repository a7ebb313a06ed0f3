// Every workflow the planflow worker runs. The plan lifecycle arrives with issue 5.
export {};
